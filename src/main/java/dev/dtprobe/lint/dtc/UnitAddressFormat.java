package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/**
 * dtc's {@code unit_address_format}: no "0x" and no leading zeros in a unit address. Children
 * of a tagged bus are left to that bus's own check; when this check runs in dtc only PCI and
 * simple-bus tags exist yet.
 */
public final class UnitAddressFormat extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("unit-address-format", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A unit address has no leading \"0x\" and no leading zeros")
            .description("Unit addresses are written in lower-case hex without a 0x prefix and without leading "
                    + "zeros. Children of PCI and simple-bus nodes are checked by pci-device-reg and "
                    + "simple-bus-reg instead.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    serial@0x1000 { reg = <0x1000 0x100>; };\n};")
            .aliases("unit_address_format")
            .prerequisites("node-name-format", "pci-bridge", "simple-bus-bridge")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (BusKinds.of(ctx).parentBus(node, BusKinds.Stage.PCI_AND_SIMPLE_BUS) != BusKinds.Bus.NONE) {
            return;
        }
        String unit = UnitName.of(node);
        if (unit.isEmpty()) {
            return;
        }
        if (unit.startsWith("0x")) {
            ctx.report(node, "unit name should not have leading \"0x\"");
            unit = unit.substring(2);
        }
        if (unit.length() >= 2 && unit.charAt(0) == '0' && isHexDigit(unit.charAt(1))) {
            ctx.report(node, "unit name should not have leading 0s");
        }
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
