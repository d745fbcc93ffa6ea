package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code spi_bus_reg}: SPI devices have reg and a unit address equal to their chip select. */
public final class SpiBusReg extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("spi-bus-reg", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("An SPI device has reg and its unit address is the first reg cell (chip select) in hex")
            .description("Children of an SPI bus (see spi-bus-bridge), unless the bus has spi-slave, need a "
                    + "reg, and the unit address must be its first cell in hex.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    spi@1000 { reg = <0x1000 0x100>; #address-cells = <1>; #size-cells = <0>;\n"
                    + "        flash@0 { reg = <1>; }; };\n};")
            .aliases("spi_bus_reg")
            .prerequisites("reg-format", "spi-bus-bridge")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (BusKinds.of(ctx).parentBus(node, BusKinds.Stage.SPI) != BusKinds.Bus.SPI
                || node.parent().property("spi-slave") != null) {
            return;
        }
        Property reg = node.property("reg");
        if (reg == null || reg.value().length() == 0) {
            ctx.report(node, "missing or empty reg property");
            return;
        }
        String expected = Long.toHexString(Cells.atOrZero(reg.value(), 0));
        if (!UnitName.of(node).equals(expected)) {
            ctx.report(node, "SPI bus unit address format error, expected \"" + expected + "\"");
        }
    }
}
