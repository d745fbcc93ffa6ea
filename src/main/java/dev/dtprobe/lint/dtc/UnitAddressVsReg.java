package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code unit_address_vs_reg}: a unit address exactly when there is reg or non-empty ranges. */
public final class UnitAddressVsReg extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("unit-address-vs-reg", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A node has a unit address if and only if it has reg or a non-empty ranges")
            .description("The unit address (after '@') names the node's first address, so a node with reg or "
                    + "a non-empty ranges needs one, and a node without either must not have one. Overlay "
                    + "fragments (nodes with an __overlay__ child) are skipped.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n    serial { reg = <0x1000 0x100>; };\n};")
            .aliases("unit_address_vs_reg")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (node.child("__overlay__") != null) {
            return; // dtc's special case for overlay fragments
        }
        Property prop = node.property("reg");
        if (prop == null) {
            prop = node.property("ranges");
            if (prop != null && prop.value().length() == 0) {
                prop = null;
            }
        }
        boolean hasUnit = !UnitName.of(node).isEmpty();
        if (prop != null && !hasUnit) {
            ctx.report(node, "node has a reg or ranges property, but no unit name");
        } else if (prop == null && hasUnit) {
            ctx.report(node, "node has a unit name, but no reg or ranges property");
        }
    }
}
