package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code avoid_default_addr_size}: a node with reg or ranges has a parent that states its cell counts. */
public final class AvoidDefaultAddrSize extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("avoid-default-addr-size", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("The parent of a node with reg or ranges declares #address-cells and #size-cells")
            .description("When the parent of a node with reg or ranges lacks #address-cells or #size-cells, "
                    + "the defaults (2 and 1) apply, which is rarely what was meant; declare them.")
            .example("/ { soc { serial@1000 { reg = <0 0x1000 0x100>; }; }; };")
            .aliases("avoid_default_addr_size")
            .prerequisites("addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (node.isRoot() || (node.property("reg") == null && node.property("ranges") == null)) {
            return;
        }
        AddressCells cells = AddressCells.of(ctx);
        if (cells.declaredAddressCells(node.parent()) == -1) {
            ctx.report(node, "Relying on default #address-cells value");
        }
        if (cells.declaredSizeCells(node.parent()) == -1) {
            ctx.report(node, "Relying on default #size-cells value");
        }
    }
}
