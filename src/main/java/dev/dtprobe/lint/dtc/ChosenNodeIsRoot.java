package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code chosen_node_is_root}. */
public final class ChosenNodeIsRoot extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("chosen_node_is_root", RuleLevel.WARNING)
            .summary("a node named 'chosen' is a child of the root")
            .description("Firmware and the kernel look for boot parameters only at /chosen; a 'chosen' node "
                    + "anywhere else is ignored.")
            .example("/ { soc { chosen { bootargs = \"console=ttyS0\"; }; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (node.name().equals("chosen") && (node.parent() == null || !node.parent().isRoot())) {
            ctx.report(node, "chosen node must be at root node");
        }
    }
}
