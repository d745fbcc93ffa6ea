package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code obsolete_chosen_interrupt_controller}. */
public final class ObsoleteChosenInterruptController extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("obsolete_chosen_interrupt_controller", RuleLevel.WARNING)
            .summary("/chosen has no 'interrupt-controller' property")
            .description("Very old trees named the interrupt controller in /chosen; that convention is "
                    + "obsolete (the controller carries 'interrupt-controller' itself).")
            .example("/ { chosen { interrupt-controller = <1>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!node.isRoot()) {
            return;
        }
        Node chosen = DtcPaths.nodeByPath(node, "/chosen");
        Property prop = chosen == null ? null : chosen.property("interrupt-controller");
        if (prop != null) {
            // as dtc: the root's path with the /chosen property's name and position
            ctx.report(node, prop, "/chosen has obsolete \"interrupt-controller\" property");
        }
    }
}
