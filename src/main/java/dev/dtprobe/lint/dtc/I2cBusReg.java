package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code i2c_bus_reg}: I2C children have a 7-bit (or flagged 10-bit) address matching the unit address. */
public final class I2cBusReg extends LintRule {
    private static final long OWN_SLAVE_ADDRESS = 1L << 30;
    private static final long TEN_BIT_ADDRESS = 1L << 31;

    static final RuleInfo INFO = RuleInfo.builder("i2c-bus-reg", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("An I2C device has reg, its unit address is reg in hex, and each address fits 7 (or 10) bits")
            .description("Children of an I2C bus (see i2c-bus-bridge) need reg; the unit address must be the "
                    + "first reg cell in hex (ignoring the I2C_OWN_SLAVE_ADDRESS bit 30), and every reg cell "
                    + "must be below 0x80; with I2C_TEN_BIT_ADDRESS (bit 31) set, an address above 0x3ff is "
                    + "reported as too long for 10 bits. As in dtc 1.6.1, any other address with bit 31 set "
                    + "is still reported by the 7-bit test.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    i2c@1000 { reg = <0x1000 0x100>; #address-cells = <1>; #size-cells = <0>;\n"
                    + "        sensor@48 { reg = <0x49>; }; };\n};")
            .aliases("i2c_bus_reg")
            .prerequisites("reg-format", "i2c-bus-bridge")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (BusKinds.of(ctx).parentBus(node, BusKinds.Stage.I2C) != BusKinds.Bus.I2C) {
            return;
        }
        Property reg = node.property("reg");
        if (reg == null || reg.value().length() == 0) {
            ctx.report(node, "missing or empty reg property");
            return;
        }
        String expected = Long.toHexString(Cells.atOrZero(reg.value(), 0) & ~OWN_SLAVE_ADDRESS);
        if (!UnitName.of(node).equals(expected)) {
            ctx.report(node, "I2C bus unit address format error, expected \"" + expected + "\"");
        }
        // dtc walks the value in 4-byte steps; a trailing partial cell is left to reg-format
        for (int off = 0; off + 4 <= reg.value().length(); off += 4) {
            long address = reg.value().cellAt(off) & ~OWN_SLAVE_ADDRESS;
            // dtc 1.6.1's test: a valid 10-bit address (bit 31 set) still fails the 7-bit test below
            if ((address & TEN_BIT_ADDRESS) != 0 && (address & ~TEN_BIT_ADDRESS) > 0x3ff) {
                ctx.report(node, reg, "I2C address must be less than 10-bits, got \"0x"
                        + Long.toHexString(address) + "\"");
            } else if (address > 0x7f) {
                ctx.report(node, reg, "I2C address must be less than 7-bits, got \"0x" + Long.toHexString(address)
                        + "\". Set I2C_TEN_BIT_ADDRESS for 10 bit addresses or fix the property");
            }
        }
    }
}
