package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code chosen_node_bootargs}. */
public final class ChosenNodeBootargs extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("chosen_node_bootargs", RuleLevel.WARNING)
            .summary("'bootargs' in a chosen node is a single string")
            .description("'bootargs' is the kernel command line; it must be one string (a list of strings "
                    + "would be cut at the first NUL).")
            .example("/ { chosen { bootargs = \"console=ttyS0\", \"quiet\"; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (node.name().equals("chosen")) {
            OneStringCheck.check(node, node.property("bootargs"), ctx);
        }
    }
}
