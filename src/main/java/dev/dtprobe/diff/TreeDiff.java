package dev.dtprobe.diff;

import dev.dtprobe.frontend.dts.DtsWriter;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.SupplierRef;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between two device trees, node by node in A's order (then B's new ones): nodes
 * added or removed (only the topmost, not each node below), properties added, removed or changed,
 * and {@code status} changes told apart (a missing status reads as "okay", as the kernel reads it).
 * Not compared: {@code phandle}/{@code linux,phandle} (numbering, not meaning), the overlay
 * bookkeeping nodes {@code /__symbols__}, {@code /__fixups__} and {@code /__local_fixups__}, and
 * a phandle cell that points at the same path in both trees.
 */
public final class TreeDiff {
    private static final Set<String> BOOKKEEPING = Set.of("__symbols__", "__fixups__", "__local_fixups__");
    private static final Set<String> NUMBERING = Set.of("phandle", "linux,phandle");
    private static final int MAX_VALUE_CHARS = 72;

    private final DeviceTree a;
    private final DeviceTree b;
    private final DeviceGraph graphA;
    private final DeviceGraph graphB;
    private final List<TreeChange> out = new ArrayList<>();

    private TreeDiff(DeviceGraph graphA, DeviceGraph graphB) {
        this.a = graphA.tree();
        this.b = graphB.tree();
        this.graphA = graphA;
        this.graphB = graphB;
    }

    public static List<TreeChange> compare(DeviceGraph a, DeviceGraph b) {
        TreeDiff d = new TreeDiff(a, b);
        if (a.tree() != b.tree()) {
            d.compareNodes(a.tree().root(), b.tree().root());
        }
        return List.copyOf(d.out);
    }

    private void compareNodes(Node na, Node nb) {
        compareProperties(na, nb);
        Map<String, Node> childrenB = new LinkedHashMap<>();
        for (Node c : nb.liveChildren()) {
            childrenB.put(c.name(), c);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Node ca : na.liveChildren()) {
            if (na.isRoot() && BOOKKEEPING.contains(ca.name())) {
                continue;
            }
            seen.add(ca.name());
            Node cb = childrenB.get(ca.name());
            if (cb == null) {
                out.add(new TreeChange(TreeChange.Kind.NODE_REMOVED, ca.path(), null, null, null));
            } else {
                compareNodes(ca, cb);
            }
        }
        for (Node cb : nb.liveChildren()) {
            if (!seen.contains(cb.name()) && !(nb.isRoot() && BOOKKEEPING.contains(cb.name()))) {
                out.add(new TreeChange(TreeChange.Kind.NODE_ADDED, cb.path(), null, null, null));
            }
        }
    }

    private void compareProperties(Node na, Node nb) {
        String path = nb.path();
        String statusA = NodeFacts.status(na);
        String statusB = NodeFacts.status(nb);
        if (!statusA.equals(statusB)) {
            out.add(new TreeChange(TreeChange.Kind.STATUS_CHANGED, path, "status", statusText(na), statusText(nb)));
        }
        for (Property pa : na.liveProperties()) {
            if (NUMBERING.contains(pa.name()) || pa.name().equals("status")) {
                continue;
            }
            Property pb = nb.property(pa.name());
            if (pb == null) {
                out.add(new TreeChange(TreeChange.Kind.PROPERTY_REMOVED, path, pa.name(), render(graphA, na, pa), null));
            } else if (!sameValue(pa.value(), pb.value())) {
                out.add(new TreeChange(TreeChange.Kind.PROPERTY_CHANGED, path, pa.name(), render(graphA, na, pa),
                        render(graphB, nb, pb)));
            }
        }
        for (Property pb : nb.liveProperties()) {
            if (!NUMBERING.contains(pb.name()) && !pb.name().equals("status") && na.property(pb.name()) == null) {
                out.add(new TreeChange(TreeChange.Kind.PROPERTY_ADDED, path, pb.name(), null, render(graphB, nb, pb)));
            }
        }
    }

    private static String statusText(Node n) {
        return n.property("status") == null ? "\"okay\" (no status)" : "\"" + NodeFacts.status(n) + "\"";
    }

    /** Equal bytes, or equal but for phandle cells that name the same path in each tree. */
    private boolean sameValue(PropertyValue va, PropertyValue vb) {
        byte[] x = va.bytesUnsafe();
        byte[] y = vb.bytesUnsafe();
        if (java.util.Arrays.equals(x, y)) {
            return true;
        }
        if (x.length != y.length || x.length % 4 != 0) {
            return false;
        }
        for (int off = 0; off < x.length; off += 4) {
            long cx = va.cellAt(off);
            long cy = vb.cellAt(off);
            if (cx != cy) {
                Node tx = a.nodeByPhandle(cx);
                Node ty = b.nodeByPhandle(cy);
                if (tx == null || ty == null || !tx.path().equals(ty.path())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value as DTS writes it, shortened, with the nodes a supplier property points at. */
    private static String render(DeviceGraph graph, Node node, Property p) {
        String text = DtsWriter.valueText(p.value()).strip();
        if (text.startsWith("=")) {
            text = text.substring(1).strip();
        }
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            text = "(empty)";
        }
        if (text.length() > MAX_VALUE_CHARS) {
            text = text.substring(0, MAX_VALUE_CHARS - 3) + "...";
        }
        List<String> targets = new ArrayList<>();
        for (SupplierRef r : graph.suppliers(node)) {
            if (r.property().equals(p.name()) && !targets.contains(r.supplier().path())) {
                targets.add(r.supplier().path());
            }
        }
        return targets.isEmpty() ? text : text + " (-> " + String.join(", ", targets) + ")";
    }
}
