package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code spi_bus_bridge}: SPI buses are named spi and use 1 (or 0) address cells and no size cells. */
public final class SpiBusBridge extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("spi-bus-bridge", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("An SPI bus is named spi and, with children, has #address-cells 1 (0 for spi-slave), #size-cells 0")
            .description("Marks nodes named exactly spi as SPI buses (for spi-bus-reg), and also nodes with "
                    + "#address-cells 1 / #size-cells 0 and a child carrying an spi-* property; such a "
                    + "misnamed bus with reg is reported. An SPI bus with children needs #address-cells = "
                    + "<1> (<0> with spi-slave) and #size-cells = <0>.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    spi@1000 { reg = <0x1000 0x100>; #address-cells = <1>; #size-cells = <1>;\n"
                    + "        flash@0 { reg = <0 1>; }; };\n};")
            .aliases("spi_bus_bridge")
            .prerequisites("addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        BusKinds buses = BusKinds.of(ctx);
        if (buses.isUnnamedSpiBus(node) && node.property("reg") != null) {
            ctx.report(node, "node name for SPI buses should be 'spi'");
        }
        if (!buses.isSpiBus(node) || node.children().isEmpty()) {
            return;
        }
        AddressCells cells = AddressCells.of(ctx);
        int expectedAddressCells = node.property("spi-slave") != null ? 0 : 1;
        if (cells.addressCells(node) != expectedAddressCells) {
            ctx.report(node, "incorrect #address-cells for SPI bus");
        }
        if (cells.sizeCells(node) != 0) {
            ctx.report(node, "incorrect #size-cells for SPI bus");
        }
    }
}
