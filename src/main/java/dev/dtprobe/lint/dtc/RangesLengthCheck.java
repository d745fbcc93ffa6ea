package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc's {@code check_ranges_format}, shared by ranges_format and dma_ranges_format: an empty
 * property needs equal cell counts in child and parent, a non-empty one whole
 * (child address, parent address, child size) entries.
 */
final class RangesLengthCheck {
    private RangesLengthCheck() {
    }

    static void check(Node node, String name, LintContext ctx) {
        Property prop = node.property(name);
        if (prop == null) {
            return;
        }
        if (node.isRoot()) {
            ctx.report(node, prop, "Root node has a \"" + name + "\" property");
            return;
        }
        AddressCells cells = AddressCells.of(ctx);
        Node parent = node.parent();
        int pAddr = cells.addressCells(parent);
        int pSize = cells.sizeCells(parent);
        int cAddr = cells.addressCells(node);
        int cSize = cells.sizeCells(node);
        int entry = (pAddr + cAddr + cSize) * 4;
        int len = prop.value().length();
        if (len == 0) {
            if (pAddr != cAddr) {
                ctx.report(node, prop, "empty \"" + name + "\" property but its #address-cells (" + cAddr
                        + ") differs from " + parent.path() + " (" + pAddr + ")");
            }
            if (pSize != cSize) {
                ctx.report(node, prop, "empty \"" + name + "\" property but its #size-cells (" + cSize
                        + ") differs from " + parent.path() + " (" + pSize + ")");
            }
        } else if (entry == 0 || len % entry != 0) {
            ctx.report(node, prop, "\"" + name + "\" property has invalid length (" + len
                    + " bytes) (parent #address-cells == " + pAddr + ", child #address-cells == " + cAddr
                    + ", #size-cells == " + cSize + ")");
        }
    }
}
