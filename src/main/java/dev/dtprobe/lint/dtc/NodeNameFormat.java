package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code node_name_format}: at most one {@code @}. */
public final class NodeNameFormat extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("node_name_format", RuleLevel.ERROR)
            .summary("a node name has at most one '@'")
            .description("A node name is 'base@unit-address'; a second '@' makes the unit address "
                    + "ambiguous.")
            .example("/ { serial@1@2 { }; };")
            .prerequisites("node-name-chars")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        String unit = node.unitAddress();
        if (unit != null && unit.indexOf('@') >= 0) {
            ctx.report(node, "multiple '@' characters in node name");
        }
    }
}
