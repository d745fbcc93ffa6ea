package dev.dtprobe.lint.probe;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.Problem;
import dev.dtprobe.graph.Specifier;
import dev.dtprobe.graph.SpecifierList;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes a device's {@code iommus} names, as {@code of_iommu_configure} walks them: the parsed
 * entries, plus the target of the entry where parsing stopped because that node has no
 * {@code #iommu-cells} (the parser cannot go on, but the reference itself is what is wrong).
 */
final class IommusEntries {
    /** One referenced IOMMU node and its index in the list. */
    record Entry(int index, Node target, long[] args) {
    }

    private IommusEntries() {
    }

    static List<Entry> of(DeviceGraph graph, Node node) {
        List<Entry> out = new ArrayList<>();
        Property p = node.property("iommus");
        if (p == null) {
            return out;
        }
        SpecifierList list = graph.parse(node, "iommus", "#iommu-cells");
        int cell = 0;
        for (Specifier s : list.entries()) {
            out.add(new Entry(s.index(), s.target(), s.args()));
            cell += 1 + s.args().length;
        }
        Problem problem = list.problem();
        if (problem != null && problem.kind() == Problem.Kind.MISSING_CELLS && cell * 4 + 4 <= p.value().length()) {
            Node target = graph.byPhandle(p.value().cellAt(cell * 4));
            if (target != null) {
                out.add(new Entry(problem.index(), target, new long[0]));
            }
        }
        return out;
    }
}
