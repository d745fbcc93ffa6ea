package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code omit_unused_nodes}: a fix-up, not a test. The front end already deleted the
 * unreferenced {@code /omit-if-no-ref/} nodes (so no rule sees them); dtc's check never fails,
 * so this rule reports nothing of its own. It is kept for dtc's flag names and because, as in
 * dtc, it reports "Failed prerequisite" when references could not be resolved.
 *
 * <p>Consequence of linting the fixed-up tree: dtc runs its first checks (names, labels,
 * duplicates, up to path_references) before this deletion, so it also reports problems inside
 * nodes it then omits; lint does not see those nodes at all.
 */
public final class OmitUnusedNodes extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("omit_unused_nodes", RuleLevel.ERROR)
            .summary("unreferenced /omit-if-no-ref/ nodes are dropped (never fails by itself)")
            .description("Nodes marked /omit-if-no-ref/ that nothing references are deleted before the "
                    + "other checks run (with -@ labelled ones are kept). The rule only fails when a "
                    + "reference could not be resolved, because then it cannot tell what is used.")
            .example("/ { dev { clocks = <&missing>; }; };")
            .prerequisites("phandle-references", "path-references")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
