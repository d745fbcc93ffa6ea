package dev.dtprobe.lint.run;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * A suppression comment that names no known rule (a typo, or a rule that was renamed) would
 * silently stop working; this rule reports it. Its findings come from the {@link Suppressor},
 * not from a tree walk.
 */
public final class InvalidSuppressionRule extends LintRule {
    public static final String ID = "invalid-suppression";

    private static final RuleInfo INFO = RuleInfo.builder(ID, RuleLevel.WARNING, RuleCategory.LINT)
            .summary("A dtprobe: ignore[...] comment names no known rule")
            .description("A suppression comment `dtprobe: ignore[rule-id] reason` hides findings of the named "
                    + "rules on its line (and, when the comment is alone on its line, on the next line). "
                    + "A name that is neither a rule id nor a dtc check name suppresses nothing, so it is "
                    + "reported at the comment. Fix the name, or delete the comment.")
            .example("/dts-v1/;\n/ {\n\tserial@1000 { /* dtprobe: ignore[no-such-rule] legacy node */\n\t};\n};")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
