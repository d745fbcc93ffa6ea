package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.List;

/**
 * dtc's {@code check_unique_unit_address_common}, for unique_unit_address and its
 * _if_enabled variant: every pair of children with the same unit address, reported on the
 * earlier child once per later one.
 */
final class UnitAddressCollisions {
    private UnitAddressCollisions() {
    }

    static void check(Node node, LintContext ctx, boolean skipDisabled) {
        AddressCells cells = AddressCells.of(ctx);
        if (cells.declaredAddressCells(node) < 0 || cells.declaredSizeCells(node) < 0) {
            return;
        }
        List<Node> children = node.liveChildren();
        for (int a = 0; a < children.size(); a++) {
            Node childA = children.get(a);
            String unitA = UnitName.of(childA);
            if (unitA.isEmpty() || (skipDisabled && isDisabled(childA))) {
                continue;
            }
            for (int b = 0; b < a; b++) {
                Node childB = children.get(b);
                if (skipDisabled && isDisabled(childB)) {
                    continue;
                }
                if (unitA.equals(UnitName.of(childB))) {
                    ctx.report(childB, "duplicate unit-address (also used in node " + childA.path() + ")");
                }
            }
        }
    }

    /** dtc's node_is_disabled: status's first string is "disabled". */
    private static boolean isDisabled(Node node) {
        Property status = node.property("status");
        return status != null && "disabled".equals(status.value().firstString());
    }
}
