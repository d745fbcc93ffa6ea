package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * dtc's {@code addr_size_cells} fix-up as shared per-run state: each node's own
 * {@code #address-cells}/{@code #size-cells} (-1 when absent, as dtc caches them) and the values
 * the address checks use for its children (dtc's defaults 2 and 1 when absent).
 *
 * <p>dtc runs the fix-up only when address_cells_is_cell and size_cells_is_cell pass on the whole
 * tree. When one fails, the cache keeps its zeroed state: every node reads 0 and 0. The checks
 * that have addr_size_cells as prerequisite do not count then, but the graph checks still read
 * the zeros, so we model that too.
 */
public final class AddressCells {
    private static final int ABSENT = -1;
    private final boolean computed;
    private final Map<Node, int[]> cache = new IdentityHashMap<>();

    private AddressCells(boolean computed) {
        this.computed = computed;
    }

    /** The run's instance. */
    public static AddressCells of(LintContext ctx) {
        return ctx.shared(AddressCells.class, c -> new AddressCells(allCellCountsAreOneCell(c.tree())));
    }

    /** Whether dtc's fix-up ran: every #address-cells and #size-cells in the tree is one cell. */
    public boolean computed() {
        return computed;
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
        if (!computed) {
            return new int[] {0, 0};
        }
        return cache.computeIfAbsent(node, n -> new int[] {read(n, "#address-cells"), read(n, "#size-cells")});
    }

    /** dtc's propval_cell (as an int, so 0xffffffff reads -1 as in dtc). */
    private static int read(Node node, String name) {
        Property p = node.property(name);
        return p == null ? ABSENT : (int) p.value().cellAt(0);
    }

    private static boolean allCellCountsAreOneCell(DeviceTree tree) {
        boolean[] ok = {true};
        tree.forEachLiveNode(n -> ok[0] &= isOneCellOrAbsent(n, "#address-cells") && isOneCellOrAbsent(n, "#size-cells"));
        return ok[0];
    }

    private static boolean isOneCellOrAbsent(Node node, String name) {
        Property p = node.property(name);
        return p == null || p.value().length() == 4;
    }
}
