package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc 1.6.1's {@code interrupts_property}: {@code interrupts} has an interrupt parent and a
 * length that fits its {@code #interrupt-cells}. (1.6.1 declares no prerequisite: the
 * {@code phandle_references} pointer ended up as the check's data.)
 */
public final class InterruptsProperty extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("interrupts_property", RuleLevel.WARNING)
            .summary("'interrupts' has an interrupt parent and fits its #interrupt-cells")
            .description("The interrupt parent of a node is found by walking up the tree: the first node with "
                    + "'interrupt-parent' names it by phandle, or an ancestor that is itself an interrupt "
                    + "controller or nexus is it. The parent must be an interrupt provider, and 'interrupts' "
                    + "must be a whole number of its '#interrupt-cells' specifiers.")
            .example("/ { intc: intc { interrupt-controller; #interrupt-cells = <2>; #address-cells = <0>; }; "
                    + "dev { interrupt-parent = <&intc>; interrupts = <5>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        Property irqs = node.property("interrupts");
        if (irqs == null) {
            return;
        }
        int len = irqs.value().length();
        if (len % 4 != 0) {
            ctx.report(node, irqs, "size (" + len + ") is invalid, expected multiple of 4");
        }
        Node irqNode = null;
        Property parentProp = null;
        for (Node parent = node; parent != null && parentProp == null; parent = parent.parent()) {
            if (parent != node && InterruptProviders.isProvider(parent)) {
                irqNode = parent;
                break;
            }
            parentProp = parent.property("interrupt-parent");
            if (parentProp == null) {
                continue;
            }
            // dtc asserts a one-cell value; a malformed one is treated as an invalid phandle here
            long phandle = parentProp.value().length() == 4 ? parentProp.value().cellAt(0) : 0;
            if (!DtcPhandles.isValid(phandle)) {
                if (ctx.isPlugin()) {
                    return; // an overlay's external reference
                }
                ctx.report(parent, parentProp, "Invalid phandle");
                break;
            }
            irqNode = DtcPhandles.of(ctx).node(phandle);
            if (irqNode == null) {
                ctx.report(parent, parentProp, "Bad phandle");
                return;
            }
            if (!InterruptProviders.isProvider(irqNode)) {
                ctx.report(irqNode, "Missing interrupt-controller or interrupt-map property");
            }
            break;
        }
        if (irqNode == null) {
            ctx.report(node, "Missing interrupt-parent");
            return;
        }
        Property cellsProp = irqNode.property("#interrupt-cells");
        if (cellsProp == null || cellsProp.value().length() != 4) {
            return; // missing: interrupt_provider reports it; malformed: dtc asserts
        }
        long cells = cellsProp.value().cellAt(0);
        long entry = (cells * 4) & 0xffffffffL;
        if (entry == 0 ? len != 0 : len % entry != 0) {
            // dtc names the provider's #interrupt-cells, under the consumer's path
            ctx.report(node, cellsProp, "size is (" + len + "), expected multiple of " + (int) entry);
        }
    }
}
