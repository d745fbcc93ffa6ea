package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code pci_device_bus_num}: a PCI child's bus number lies in the parent's bus-range. */
public final class PciDeviceBusNum extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("pci-device-bus-num", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A PCI device's bus number (reg bits 16-23) is inside its bridge's bus-range")
            .description("For children of a PCI bus (see pci-bridge): the bus number in the first reg cell "
                    + "must lie within the bridge's bus-range; a bridge without bus-range covers bus 0 only. "
                    + "As in dtc 1.6.1, the range checked is (start - start): dtc 1.6.1 reads the end of "
                    + "bus-range from its first cell too.")
            .example("/ { #address-cells = <2>; #size-cells = <2>;\n"
                    + "    pcie@40000000 { device_type = \"pci\"; reg = <0 0x40000000 0 0x1000>;\n"
                    + "        #address-cells = <3>; #size-cells = <2>; ranges;\n"
                    + "        dev@0 { reg = <0x10000 0 0 0 0>; }; /* bus 1 */ };\n};")
            .aliases("pci_device_bus_num")
            .prerequisites("reg-format", "pci-bridge")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (BusKinds.of(ctx).parentBus(node, BusKinds.Stage.PCI_AND_SIMPLE_BUS) != BusKinds.Bus.PCI) {
            return;
        }
        Property reg = node.property("reg");
        if (reg == null) {
            return;
        }
        long bus = (Cells.atOrZero(reg.value(), 0) & 0x00ff0000) >> 16;
        Property busRange = node.parent().property("bus-range");
        long min = 0;
        long max = 0;
        if (busRange != null) {
            // dtc 1.6.1 takes both ends from the first cell (fixed in 1.7), so only bus == start passes
            min = Cells.atOrZero(busRange.value(), 0);
            max = min;
        }
        if (bus < min || bus > max) {
            // dtc reports this at the parent's bus-range (or at the node when there is none)
            String msg = "PCI bus number " + bus + " out of range, expected (" + min + " - " + max + ")";
            if (busRange != null) {
                ctx.report(node, busRange, msg);
            } else {
                ctx.report(node, msg);
            }
        }
    }
}
