package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;

/** dtc's {@code simple_bus_reg}: simple-bus children have an address and a unit address that matches it. */
public final class SimpleBusReg extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("simple-bus-reg", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A simple-bus child has reg or ranges and its unit address is its first address in hex")
            .description("Children of a simple-bus need a reg or a non-empty ranges (nested simple-buses "
                    + "excepted) and their unit address must be the first address, in lower-case hex without "
                    + "leading zeros: all of the bus's #address-cells taken from reg, or from the parent-address "
                    + "part of the first ranges entry.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>; ranges;\n"
                    + "        serial@1000 { reg = <0x2000 0x100>; }; };\n};")
            .aliases("simple_bus_reg")
            .prerequisites("reg-format", "simple-bus-bridge")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        BusKinds buses = BusKinds.of(ctx);
        if (buses.parentBus(node, BusKinds.Stage.PCI_AND_SIMPLE_BUS) != BusKinds.Bus.SIMPLE) {
            return;
        }
        AddressCells cells = AddressCells.of(ctx);
        PropertyValue value = null;
        int first = 0;
        Property reg = node.property("reg");
        if (reg != null) {
            value = reg.value().length() > 0 ? reg.value() : null;
        } else {
            Property ranges = node.property("ranges");
            if (ranges != null && ranges.value().length() > 0) {
                value = ranges.value();
                first = cells.addressCells(node); // skip the child address
            }
        }
        if (value == null) {
            if (!node.parent().isRoot()
                    && buses.busOf(node, BusKinds.Stage.PCI_AND_SIMPLE_BUS) != BusKinds.Bus.SIMPLE) {
                ctx.report(node, "missing or empty reg/ranges property");
            }
            return;
        }
        long address = 0;
        for (int i = 0; i < cells.addressCells(node.parent()); i++) {
            address = (address << 32) | Cells.atOrZero(value, first + i);
        }
        String expected = Long.toHexString(address);
        if (!UnitName.of(node).equals(expected)) {
            ctx.report(node, "simple-bus unit address format error, expected \"" + expected + "\"");
        }
    }
}
