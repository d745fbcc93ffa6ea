package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code of_phandle_iterator_next} over one list property: the entries it accepts, in order, and
 * the error that ends the walk. Every kernel lookup by index re-runs this walk from the start, so
 * an error at entry k hides entries k and later, while an empty entry (phandle 0) only fails the
 * lookup of its own index.
 */
final class PhandleWalker {
    /** MAX_PHANDLE_ARGS: argument cells beyond this are skipped (with a WARN in the kernel). */
    static final int MAX_ARGS = 16;

    /** One accepted entry; {@code node} may be null only when the walk had no cells property. */
    record Entry(long phandle, Node node, long[] args) {
        boolean empty() {
            return phandle == 0;
        }
    }

    record Walk(List<Entry> entries, Problem error) {
    }

    private PhandleWalker() {
    }

    /**
     * @param cellsName the {@code #*-cells} property to read in each target, or null
     * @param cellCount used when {@code cellsName} is null, or as the fallback when the target lacks
     *                  it; -1 means "no fallback" ({@code of_parse_phandle_with_args})
     */
    static Walk walk(DeviceGraph graph, Node np, String listName, String cellsName, int cellCount) {
        Property p = np.property(listName);
        if (p == null) {
            return new Walk(List.of(), null);
        }
        long[] cells = Props.cells(p);
        List<Entry> entries = new ArrayList<>();
        int cur = 0;
        while (cur < cells.length) {
            int index = entries.size();
            long phandle = cells[cur++];
            long count = 0;
            Node node = null;
            if (phandle != 0) {
                node = graph.byPhandle(phandle);
                if (cellsName != null) {
                    if (node == null) {
                        return fail(entries, np, listName, index, Problem.Kind.UNKNOWN_PHANDLE,
                                "could not find phandle " + Props.asInt(phandle));
                    }
                    Long c = Props.u32(node, cellsName);
                    if (c != null) {
                        count = c;
                    } else if (cellCount >= 0) {
                        count = cellCount;
                    } else {
                        return fail(entries, np, listName, index, Problem.Kind.MISSING_CELLS,
                                "could not get " + cellsName + " for " + node.path());
                    }
                } else {
                    count = cellCount;
                }
                if (cur + count > cells.length) {
                    String msg = cellsName != null
                            ? cellsName + " = " + Props.asInt(count) + " found " + (cells.length - cur)
                            : "phandle " + (node == null ? "<no-node>" : node.path()) + " needs " + count
                                    + ", found " + (cells.length - cur);
                    return fail(entries, np, listName, index, Problem.Kind.TOO_FEW_CELLS, msg);
                }
            }
            int n = (int) Math.min(count, MAX_ARGS);
            entries.add(new Entry(phandle, node, Arrays.copyOfRange(cells, cur, cur + n)));
            cur += (int) count;
        }
        return new Walk(entries, null);
    }

    private static Walk fail(List<Entry> entries, Node np, String list, int index, Problem.Kind kind, String msg) {
        return new Walk(entries, new Problem(kind, np, list, index, msg));
    }

    /** The result of a lookup by index ({@code __of_parse_phandle_with_args}): null for -ENOENT/-EINVAL. */
    static Entry at(Walk w, int index) {
        if (index >= w.entries().size()) {
            return null;
        }
        Entry e = w.entries().get(index);
        return e.empty() ? null : e;
    }

    /**
     * The whole list as a caller that asks index 0, 1, ... and stops at the first failure sees it
     * (of_iommu_configure, fw_devlink).
     */
    static SpecifierList sequential(Walk w, Node np, String listName) {
        List<Specifier> out = new ArrayList<>();
        for (Entry e : w.entries()) {
            int index = out.size();
            if (e.empty()) {
                return new SpecifierList(out, new Problem(Problem.Kind.EMPTY_ENTRY, np, listName, index, null));
            }
            if (e.node() == null) {
                // Only without a cells property: the kernel returns success with a NULL node, silently.
                return new SpecifierList(out, new Problem(Problem.Kind.UNKNOWN_PHANDLE, np, listName, index, null));
            }
            out.add(new Specifier(listName, index, e.node(), e.args()));
        }
        return new SpecifierList(out, w.error());
    }
}
