package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;

/** dtc's {@code pci_device_reg}: a PCI child's reg is a config-space address matching its unit address. */
public final class PciDeviceReg extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("pci-device-reg", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A PCI device's reg is a config-space address and its unit address is dev[,func]")
            .description("For children of a PCI bus (see pci-bridge): the first reg entry must be a "
                    + "configuration-space address (phys.hi bits 24-31 zero, register number 0, phys.mid "
                    + "and phys.lo 0), and the unit address must be the device number, or device,function, "
                    + "in hex taken from it.")
            .example("/ { #address-cells = <2>; #size-cells = <2>;\n"
                    + "    pcie@40000000 { device_type = \"pci\"; reg = <0 0x40000000 0 0x1000>;\n"
                    + "        #address-cells = <3>; #size-cells = <2>; ranges;\n"
                    + "        dev@1 { reg = <0x1000 0 0 0 0>; }; /* device 2 */ };\n};")
            .aliases("pci_device_reg")
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
        PropertyValue v = reg.value();
        if (Cells.atOrZero(v, 1) != 0 || Cells.atOrZero(v, 2) != 0) {
            ctx.report(node, reg, "PCI reg config space address cells 2 and 3 must be 0");
        }
        long hi = Cells.atOrZero(v, 0);
        long dev = (hi & 0xf800) >> 11;
        long func = (hi & 0x700) >> 8;
        if ((hi & 0xff000000L) != 0) {
            ctx.report(node, reg, "PCI reg address is not configuration space");
        }
        if ((hi & 0xff) != 0) {
            ctx.report(node, reg, "PCI reg config space address register number must be 0");
        }
        String unit = UnitName.of(node);
        if (func == 0 && unit.equals(Long.toHexString(dev))) {
            return;
        }
        String expected = Long.toHexString(dev) + "," + Long.toHexString(func);
        if (!unit.equals(expected)) {
            ctx.report(node, "PCI unit address format error, expected \"" + expected + "\"");
        }
    }
}
