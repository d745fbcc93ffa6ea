package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * dtc's {@code addr_size_cells} fix-up as shared per-run state: each node's own
 * {@code #address-cells}/{@code #size-cells} (-1 when absent, as dtc caches them) and the values
 * the address checks use for its children (dtc's defaults 2 and 1 when absent).
 */
public final class AddressCells {
    private static final int ABSENT = -1;
    private final Map<Node, int[]> cache = new IdentityHashMap<>();

    /** The run's instance. */
    public static AddressCells of(LintContext ctx) {
        return ctx.shared(AddressCells.class, c -> new AddressCells());
    }

    /** The node's {@code #address-cells}, or -1 when it has none. */
    public int declaredAddressCells(Node node) {
        return cells(node)[0];
    }

    /** The node's {@code #size-cells}, or -1 when it has none. */
    public int declaredSizeCells(Node node) {
        return cells(node)[1];
    }

    /** {@code #address-cells} for the node's children: its own, else dtc's default 2. */
    public int addressCells(Node node) {
        int v = declaredAddressCells(node);
        return v == ABSENT ? 2 : v;
    }

    /** {@code #size-cells} for the node's children: its own, else dtc's default 1. */
    public int sizeCells(Node node) {
        int v = declaredSizeCells(node);
        return v == ABSENT ? 1 : v;
    }

    private int[] cells(Node node) {
        return cache.computeIfAbsent(node, n -> new int[] {read(n, "#address-cells"), read(n, "#size-cells")});
    }

    /**
     * dtc's propval_cell: the first cell. A value that is not one cell fails
     * address_cells_is_cell/size_cells_is_cell, which are prerequisites of every user.
     */
    private static int read(Node node, String name) {
        Property p = node.property(name);
        if (p == null) {
            return ABSENT;
        }
        return p.value().length() >= 4 ? (int) p.value().cellAt(0) : 0;
    }
}
