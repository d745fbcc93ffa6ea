package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code i2c_bus_bridge}: an I2C bus with children uses one address cell and no size cells. */
public final class I2cBusBridge extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("i2c-bus-bridge", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("An I2C bus (node named i2c, i2c-bus or i2c-arb) with children has #address-cells 1, #size-cells 0")
            .description("Marks nodes whose base name is exactly i2c, i2c-bus or i2c-arb as I2C buses (for "
                    + "i2c-bus-reg). A bus with children must declare #address-cells = <1> and "
                    + "#size-cells = <0>.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    i2c@1000 { reg = <0x1000 0x100>; sensor@48 { reg = <0x48>; }; };\n};")
            .aliases("i2c_bus_bridge")
            .prerequisites("addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!BusKinds.isI2cBus(node) || node.children().isEmpty()) {
            return;
        }
        AddressCells cells = AddressCells.of(ctx);
        if (cells.addressCells(node) != 1) {
            ctx.report(node, "incorrect #address-cells for I2C bus");
        }
        if (cells.sizeCells(node) != 0) {
            ctx.report(node, "incorrect #size-cells for I2C bus");
        }
    }
}
