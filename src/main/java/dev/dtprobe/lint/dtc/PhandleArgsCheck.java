package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;

/**
 * dtc 1.6.1's check_property_phandle_args, shared by the phandle-list checks ({@code clocks},
 * {@code iommus}, ..., {@code *-gpios}): the property is a list of entries, each a phandle
 * followed by as many argument cells as the provider's {@code #...-cells} says.
 */
final class PhandleArgsCheck {
    private PhandleArgsCheck() {
    }

    /**
     * Checks one phandle list, reporting as dtc does.
     *
     * @param cellsProperty the provider's argument count property, e.g. {@code #clock-cells}
     * @param optional      a provider without it takes no arguments ({@code msi-parent})
     */
    static void check(Node node, Property prop, String cellsProperty, boolean optional, LintContext ctx) {
        PropertyValue value = prop.value();
        int len = value.length();
        if (len % 4 != 0) {
            ctx.report(node, prop, "property size (" + len + ") is invalid, expected multiple of 4");
            return;
        }
        long cells = len / 4;
        boolean fromSource = !value.markers().isEmpty();
        // int arithmetic as in dtc 1.6.1 ("int cell, cellsize"): a huge #...-cells wraps negative
        int cellsize = 0;
        for (int cell = 0; cell >= 0 && cell < cells; cell += cellsize + 1) {
            long phandle = value.cellAt(cell * 4);
            if (!DtcPhandles.isValid(phandle)) {
                // 0 and -1 mark an empty entry; an overlay's unresolved references end the walk
                if (ctx.isPlugin()) {
                    break;
                }
                cellsize = 0;
                continue;
            }
            if (fromSource && !isReferenceAt(value, cell * 4)) {
                ctx.report(node, prop, "cell " + cell + " is not a phandle reference");
            }
            Node provider = DtcPhandles.of(ctx).node(phandle);
            if (provider == null) {
                ctx.report(node, prop, "Could not get phandle node for (cell " + cell + ")");
                break;
            }
            Property cellProp = provider.property(cellsProperty);
            if (cellProp == null && !optional) {
                ctx.report(node, "Missing property '" + cellsProperty + "' in node " + provider.path()
                        + " or bad phandle (referred from " + prop.name() + "[" + cell + "])");
                break;
            }
            if (cellProp != null && cellProp.value().length() != 4) {
                // dtc asserts (aborts) here; for the 16 provider families the *_is_cell rule reports it
                break;
            }
            cellsize = cellProp == null ? 0 : (int) cellProp.value().cellAt(0);
            int end = cell + cellsize + 1;
            if (end < 0 || len < end * 4L) {
                ctx.report(node, prop, "property size (" + len + ") too small for cell size " + cellsize);
            }
            if (cellsize == -1) {
                // dtc 1.6.1 loops forever on #...-cells = <0xffffffff> (the index never moves)
                break;
            }
        }
    }

    private static boolean isReferenceAt(PropertyValue value, int offset) {
        for (Marker m : value.markers()) {
            if (m.type() == MarkerType.REF_PHANDLE && m.offset() == offset) {
                return true;
            }
        }
        return false;
    }
}
