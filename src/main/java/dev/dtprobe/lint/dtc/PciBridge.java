package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc's {@code pci_bridge}: the shape of a {@code device_type = "pci"} node. The tagging itself
 * ({@link BusKinds#isPciBridge}) is what pci-device-reg and friends read.
 */
public final class PciBridge extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("pci-bridge", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A device_type = \"pci\" node is named pci or pcie, has ranges, 3/2 cells and a valid bus-range")
            .description("Marks nodes with device_type = \"pci\" as PCI buses (for pci-device-reg and "
                    + "pci-device-bus-num) and checks them: base name exactly pci or pcie, a ranges "
                    + "property, #address-cells = <3>, #size-cells = <2>, and if present a bus-range of "
                    + "two cells, start <= end <= 0xff.")
            .example("/ { #address-cells = <2>; #size-cells = <2>;\n"
                    + "    pcie-ctl@40000000 { device_type = \"pci\"; reg = <0 0x40000000 0 0x1000>;\n"
                    + "        #address-cells = <3>; #size-cells = <2>; ranges; };\n};")
            .aliases("pci_bridge")
            .prerequisites("device-type-is-string", "addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!BusKinds.isPciBridge(node)) {
            return;
        }
        String base = node.baseName();
        if (!base.equals("pci") && !base.equals("pcie")) {
            ctx.report(node, "node name is not \"pci\" or \"pcie\"");
        }
        if (node.property("ranges") == null) {
            ctx.report(node, "missing ranges for PCI bridge (or not a bridge)");
        }
        AddressCells cells = AddressCells.of(ctx);
        if (cells.addressCells(node) != 3) {
            ctx.report(node, "incorrect #address-cells for PCI bridge");
        }
        if (cells.sizeCells(node) != 2) {
            ctx.report(node, "incorrect #size-cells for PCI bridge");
        }
        Property busRange = node.property("bus-range");
        if (busRange == null) {
            return;
        }
        if (busRange.value().length() != 8) {
            ctx.report(node, busRange, "value must be 2 cells");
            return;
        }
        long first = busRange.value().cellAt(0);
        long last = busRange.value().cellAt(4);
        if (first > last) {
            ctx.report(node, busRange, "1st cell must be less than or equal to 2nd cell");
        }
        if (last > 0xff) {
            ctx.report(node, busRange, "maximum bus number must be less than 256");
        }
    }
}
