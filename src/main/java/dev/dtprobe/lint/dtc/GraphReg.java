package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code check_graph_reg}, shared by graph_port and graph_endpoint. */
final class GraphReg {
    private GraphReg() {
    }

    static void check(Node node, LintContext ctx) {
        Property reg = node.property("reg");
        if (reg == null) {
            return;
        }
        if (reg.value().length() != 4) {
            ctx.report(node, "graph node malformed 'reg' property");
            return;
        }
        String expected = Long.toHexString(reg.value().cellAt(0));
        if (!UnitName.of(node).equals(expected)) {
            ctx.report(node, "graph node unit address error, expected \"" + expected + "\"");
        }
        AddressCells cells = AddressCells.of(ctx);
        int addressCells = cells.declaredAddressCells(node.parent());
        int sizeCells = cells.declaredSizeCells(node.parent());
        // dtc checks the parent's values but points at the node's own properties (null: at the node)
        if (addressCells != 1) {
            reportAt(node, "#address-cells", "graph node '#address-cells' is " + addressCells + ", must be 1", ctx);
        }
        if (sizeCells != 0) {
            reportAt(node, "#size-cells", "graph node '#size-cells' is " + sizeCells + ", must be 0", ctx);
        }
    }

    private static void reportAt(Node node, String propName, String message, LintContext ctx) {
        Property p = node.property(propName);
        if (p != null) {
            ctx.report(node, p, message);
        } else {
            ctx.report(node, message);
        }
    }
}
