package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code reg_format}: {@code reg} fits the parent's #address-cells and #size-cells. */
public final class RegFormat extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("reg-format", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("reg is not on the root, not empty, and a whole number of (address, size) entries")
            .description("The length of a reg property must be a multiple of (#address-cells + #size-cells) "
                    + "x 4 bytes, taking both counts from the parent node (default 2 and 1). The root node "
                    + "must not have reg, and reg must not be empty.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    serial@1000 { reg = <0x1000>; }; /* one cell, needs two */\n};")
            .aliases("reg_format")
            .prerequisites("addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        Property reg = node.property("reg");
        if (reg == null) {
            return;
        }
        if (node.isRoot()) {
            ctx.report(node, "Root node has a \"reg\" property");
            return;
        }
        int len = reg.value().length();
        if (len == 0) {
            ctx.report(node, reg, "property is empty");
        }
        AddressCells cells = AddressCells.of(ctx);
        int addr = cells.addressCells(node.parent());
        int size = cells.sizeCells(node.parent());
        int entry = (addr + size) * 4;
        if (entry == 0 ? len != 0 : len % entry != 0) {
            ctx.report(node, reg, "property has invalid length (" + len + " bytes) (#address-cells == " + addr
                    + ", #size-cells == " + size + ")");
        }
    }
}
