package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/**
 * dtc 1.6.1's {@code interrupt_provider}: an interrupt controller or nexus needs both
 * {@code #interrupt-cells} and {@code #address-cells}. (dtc 1.7 dropped the second demand and
 * instead reports {@code #interrupt-cells} on non-providers.)
 */
public final class InterruptProvider extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("interrupt_provider", RuleLevel.WARNING)
            .summary("interrupt providers have #interrupt-cells and #address-cells")
            .description("A node with 'interrupt-controller' or 'interrupt-map' must say how many cells an "
                    + "interrupt specifier takes ('#interrupt-cells') and, as dtc 1.6.1 demands, how many "
                    + "address cells its 'interrupt-map' entries carry ('#address-cells', usually 0 for a "
                    + "controller). The kernel's v5.7 build reports this on many boards.")
            .example("/ { intc: interrupt-controller { interrupt-controller; #interrupt-cells = <3>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!InterruptProviders.isProvider(node)) {
            return;
        }
        if (node.property("#interrupt-cells") == null) {
            ctx.report(node, "Missing #interrupt-cells in interrupt provider");
        }
        if (node.property("#address-cells") == null) {
            ctx.report(node, "Missing #address-cells in interrupt provider");
        }
    }
}
