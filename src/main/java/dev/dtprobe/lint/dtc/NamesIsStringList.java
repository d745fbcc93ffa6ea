package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code names_is_string_list}: every {@code *-names} property is a string list. */
public final class NamesIsStringList extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("names_is_string_list", RuleLevel.WARNING)
            .summary("every '*-names' property is a list of strings")
            .description("Properties such as 'clock-names', 'reg-names' or 'interrupt-names' name the "
                    + "entries of their companion list, one NUL-terminated string per entry.")
            .example("/ { dev { reg-names = [61 00 62]; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        for (Property p : node.liveProperties()) {
            if (p.name().endsWith("-names")) {
                // dtc re-reads the property by name, so a duplicate is judged by its first instance
                StringListCheck.check(node, node.property(p.name()), ctx);
            }
        }
    }
}
