package dev.dtprobe.diff;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.SupplierRef;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, for a changed device, the tree and driver changes that plausibly explain it: those on
 * its own node (or a node above it that was added, removed or had its status changed), on its
 * direct suppliers as fw_devlink reads them ({@link DeviceGraph#suppliers}, which includes the
 * {@code iommus} and {@code iommu-map} targets), and on the drivers of those nodes; then the
 * kernel profile when it differs. Deeper causes show in the why chains of the Binding section.
 */
final class Explainer {
    private final DeviceGraph graphA;
    private final DeviceGraph graphB;
    private final List<TreeChange> treeChanges;
    private final List<DriverChange> driverChanges;
    private final boolean kernelChanged;

    Explainer(DeviceGraph graphA, DeviceGraph graphB, List<TreeChange> treeChanges, List<DriverChange> driverChanges,
            boolean kernelChanged) {
        this.graphA = graphA;
        this.graphB = graphB;
        this.treeChanges = treeChanges;
        this.driverChanges = driverChanges;
        this.kernelChanged = kernelChanged;
    }

    List<String> explain(DevicePair pair) {
        Map<String, String> roles = relevantNodes(pair);
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, String> r : roles.entrySet()) {
            for (TreeChange c : treeChanges) {
                if (c.path().equals(r.getKey())) {
                    out.add(r.getValue() + " " + c.describe());
                } else if (c.affectsSubtree() && NodeFacts.isAtOrBelow(r.getKey(), c.path())) {
                    out.add(r.getValue() + " " + r.getKey() + " is below " + c.describe());
                }
            }
        }
        for (Map.Entry<String, String> r : roles.entrySet()) {
            for (DriverChange d : driverChanges) {
                if (d.nodes().contains(r.getKey())) {
                    out.add(d.describe() + (r.getValue().equals("node") ? "" : " (for " + r.getValue() + " " + r.getKey() + ")"));
                }
            }
        }
        if (kernelChanged) {
            out.add("the kernel profile (see Profile)");
        }
        if (out.isEmpty()) {
            out.add("nothing changed on its node or its direct suppliers: an indirect effect of the changes above");
        }
        return List.copyOf(out);
    }

    /** Node path to its role for this device: its node, then its suppliers in DT order. */
    private Map<String, String> relevantNodes(DevicePair pair) {
        Map<String, String> roles = new LinkedHashMap<>();
        Node na = pair.a() == null ? null : pair.a().node();
        Node nb = pair.b() == null ? null : pair.b().node();
        if (na != null) {
            roles.put(na.path(), "node");
        }
        if (nb != null) {
            roles.putIfAbsent(nb.path(), "node");
        }
        List<SupplierRef> refs = new ArrayList<>();
        if (na != null) {
            refs.addAll(graphA.suppliers(na));
        }
        if (nb != null) {
            refs.addAll(graphB.suppliers(nb));
        }
        for (SupplierRef r : refs) {
            String role = r.property().equals("iommus") || r.property().equals("iommu-map")
                    ? "IOMMU" : r.property() + " supplier";
            roles.putIfAbsent(r.supplier().path(), role);
        }
        return roles;
    }
}
