package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** The kernel's property readers, with their length rules, over live properties. */
final class Props {
    private Props() {
    }

    /**
     * {@code of_property_read_u32}: the first cell, or null when the property is absent or shorter
     * than 4 bytes (longer values are accepted and only the first cell is read).
     */
    static Long u32(Node n, String name) {
        Property p = n.property(name);
        if (p == null || p.value().length() < 4) {
            return null;
        }
        return p.value().cellAt(0);
    }

    /** The value as cells; trailing bytes that do not fill a cell are ignored, as {@code size / 4} does. */
    static long[] cells(Property p) {
        int n = p.value().length() / 4;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = p.value().cellAt(i * 4);
        }
        return out;
    }

    static boolean has(Node n, String name) {
        return n.property(name) != null;
    }

    /** {@code of_bus_n_addr_cells}: #address-cells of the node or its nearest ancestor, default 1. */
    static long busAddressCells(Node n) {
        for (Node c = n; c != null; c = c.parent()) {
            Long v = u32(c, "#address-cells");
            if (v != null) {
                return v;
            }
        }
        return 1;
    }

    /** printk's {@code %d} of a u32: values above 0x7fffffff print negative. */
    static int asInt(long u32) {
        return (int) u32;
    }
}
