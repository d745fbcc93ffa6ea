package dev.dtprobe.report.graph;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.DeferCause;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.SupplierRef;
import dev.dtprobe.iommu.Fwspec;
import dev.dtprobe.report.DeviceOutcome;
import dev.dtprobe.tree.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who depends on whom after a boot, for pictures: one vertex per device (and per supplier node
 * that never became a device, such as a disabled IOMMU), one edge per consumer/supplier pair with
 * the DT properties that make it, and the blocking chain of every device that did not bind.
 *
 * <p>Suppliers are read as fw_devlink reads them (the node's own properties and those of
 * descendants without a compatible, a supplier node mapped to its nearest ancestor that is a
 * device). Links to providers set up early by OF_DECLARE code (the GIC, timers) are left out:
 * they never block a probe and would tie every device to one vertex.
 */
public final class DependencyGraph {

    /** What a vertex is; devices take their {@link DeviceOutcome}. */
    public enum Kind { BOUND, DEFERRED, FAILED, NO_DRIVER, BUS, NO_DEVICE }

    /**
     * One vertex.
     *
     * @param id      the node path, or the device name for devices without a node
     * @param label   what pictures print: the device name, else the node path
     * @param iommu   whether it provides translation ({@code #iommu-cells}, or named by {@code iommus})
     * @param note    why it did not bind (the "why" chain), or why there is no device; null when bound
     */
    public record Vertex(String id, String label, Kind kind, boolean iommu, String note) {
        public boolean unbound() {
            return kind == Kind.DEFERRED || kind == Kind.FAILED || kind == Kind.NO_DRIVER || kind == Kind.NO_DEVICE;
        }
    }

    /**
     * A dependency: {@code consumer} needs {@code supplier}.
     *
     * @param properties the DT properties (or, for a chain step found only at run time, the cause)
     * @param iommu      made by {@code iommus}/{@code iommu-map}
     * @param blocking   a step of an unbound device's blocking chain
     */
    public record Edge(String consumer, String supplier, List<String> properties, boolean iommu, boolean blocking) {
        public String propertyText() {
            return String.join(", ", properties);
        }
    }

    private final Map<String, Vertex> vertices;
    private final List<Edge> edges;

    private DependencyGraph(Map<String, Vertex> vertices, List<Edge> edges) {
        this.vertices = vertices;
        this.edges = edges;
    }

    public List<Vertex> vertices() {
        return List.copyOf(vertices.values());
    }

    public Vertex vertex(String id) {
        return vertices.get(id);
    }

    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    public static DependencyGraph of(BootResult r) {
        return new Builder(r).build();
    }

    /** Builds vertices and edges from one boot. */
    private static final class Builder {
        private final BootResult r;
        private final DeviceGraph graph;
        private final Map<String, Vertex> vertices = new LinkedHashMap<>();
        /** consumer id -> supplier id -> properties, in discovery order. */
        private final Map<String, Map<String, Set<String>>> props = new LinkedHashMap<>();
        private final Set<String> iommuEdges = new HashSet<>();
        private final Set<String> blockingEdges = new HashSet<>();
        private final Set<String> iommuVertices = new HashSet<>();

        Builder(BootResult r) {
            this.r = r;
            this.graph = new DeviceGraph(r.tree());
        }

        DependencyGraph build() {
            for (Device d : r.devices()) {
                String id = id(d);
                vertices.put(id, null); // keep device order; filled below once iommu roles are known
            }
            for (Device d : r.devices()) {
                addSuppliers(d);
            }
            for (Device d : r.devices()) {
                DeviceOutcome o = DeviceOutcome.of(r, d);
                if (o != DeviceOutcome.BOUND && o != DeviceOutcome.BUS) {
                    addBlockingChain(d);
                }
            }
            for (Device d : r.devices()) {
                DeviceOutcome o = DeviceOutcome.of(r, d);
                String id = id(d);
                boolean iommu = iommuVertices.contains(id) || (d.node() != null && d.node().property("#iommu-cells") != null);
                String note = o == DeviceOutcome.BOUND || o == DeviceOutcome.BUS ? boundNote(d) : r.why(d).oneLine();
                vertices.put(id, new Vertex(id, d.name(), Kind.valueOf(o.name()), iommu, note));
            }
            List<Edge> edges = new ArrayList<>();
            props.forEach((consumer, bySupplier) -> bySupplier.forEach((supplier, p) -> {
                String key = consumer + "\n" + supplier;
                edges.add(new Edge(consumer, supplier, List.copyOf(p), iommuEdges.contains(key), blockingEdges.contains(key)));
            }));
            return new DependencyGraph(vertices, edges);
        }

        private static String boundNote(Device d) {
            if (d.dmaOps() == DmaOps.XEN_GRANT) {
                // the grant-DMA "IOMMU" has no of_xlate: the device's DMA goes through grant ops instead
                return "DMA through Xen grant ops (backend domid " + d.xenBackendDomid() + ")";
            }
            return d.iommuNote() == null ? null : "bound without its IOMMU (" + d.iommuNote() + ")";
        }

        private static String id(Device d) {
            return d.node() != null ? d.node().path() : d.name();
        }

        private void addSuppliers(Device d) {
            if (d.node() == null) {
                Fwspec spec = r.iommu().fwspec(d);
                if (spec != null && spec.instance() != null) {
                    addEdge(id(d), vertexFor(spec.instance().node()), "iommu-map", true);
                }
                return;
            }
            for (SupplierRef ref : consumerRefs(d.node())) {
                Node supplier = supplierDeviceNode(ref.supplier(), d.node());
                if (supplier == null) {
                    continue;
                }
                boolean iommu = ref.property().equals("iommus") || ref.property().equals("iommu-map");
                String sid = vertexFor(supplier);
                if (iommu) {
                    iommuVertices.add(sid);
                }
                addEdge(id(d), sid, ref.property(), iommu);
            }
        }

        /** fw_devlink's view: the node's own references and those of descendants that are not devices. */
        private List<SupplierRef> consumerRefs(Node node) {
            List<SupplierRef> refs = new ArrayList<>(graph.suppliers(node));
            Deque<Node> todo = new ArrayDeque<>(node.liveChildren());
            while (!todo.isEmpty()) {
                Node child = todo.pop();
                if (child.property("compatible") != null) {
                    continue;
                }
                refs.addAll(graph.suppliers(child));
                todo.addAll(child.liveChildren());
            }
            return refs;
        }

        /** The supplier node itself or its nearest ancestor that is (or could be) a device; null if none or early. */
        private Node supplierDeviceNode(Node supplier, Node consumer) {
            for (Node n = supplier; n != null && n.parent() != null; n = n.parent()) {
                if (r.device(n) != null || n.property("compatible") != null) {
                    if (r.earlyNodes().contains(n) || isSelfOrAncestor(n, consumer) || isSelfOrAncestor(consumer, n)) {
                        return null;
                    }
                    return n;
                }
            }
            return null;
        }

        private static boolean isSelfOrAncestor(Node maybeAncestor, Node node) {
            for (Node n = node; n != null; n = n.parent()) {
                if (n == maybeAncestor) {
                    return true;
                }
            }
            return false;
        }

        /** The vertex of a node: its device's, or a vertex of its own for a node without a device. */
        private String vertexFor(Node n) {
            Device d = r.device(n);
            if (d != null) {
                return id(d);
            }
            String id = n.path();
            if (!vertices.containsKey(id)) {
                vertices.put(id, new Vertex(id, id, Kind.NO_DEVICE, n.property("#iommu-cells") != null, whyNoDevice(n)));
            }
            return id;
        }

        private String whyNoDevice(Node n) {
            if (!DeviceGraph.isAvailable(n)) {
                return "node is disabled";
            }
            if (r.earlyNodes().contains(n)) {
                return "set up early by OF_DECLARE code";
            }
            return "no device was created for this node";
        }

        private void addEdge(String consumer, String supplier, String property, boolean iommu) {
            if (consumer.equals(supplier)) {
                return;
            }
            props.computeIfAbsent(consumer, k -> new LinkedHashMap<>()).computeIfAbsent(supplier, k -> new LinkedHashSet<>())
                    .add(property);
            if (iommu) {
                iommuEdges.add(consumer + "\n" + supplier);
            }
        }

        /** Follows the deferral causes from an unbound device to its root cause, as the why chain does. */
        private void addBlockingChain(Device start) {
            Set<Device> seen = new HashSet<>();
            Device d = start;
            while (d != null && seen.add(d) && d.state() == dev.dtprobe.driver.DeviceState.DEFERRED) {
                DeferCause cause = d.lastCause();
                if (cause == null || cause.supplier() == null) {
                    return;
                }
                String sid = vertexFor(cause.supplier());
                boolean iommu = cause.kind() == DeferCause.Kind.IOMMU;
                if (iommu) {
                    iommuVertices.add(sid);
                }
                Map<String, Set<String>> bySupplier = props.get(id(d));
                if (bySupplier == null || !bySupplier.containsKey(sid)) {
                    addEdge(id(d), sid, causeText(cause), iommu);
                }
                blockingEdges.add(id(d) + "\n" + sid);
                d = r.device(cause.supplier());
            }
        }

        private static String causeText(DeferCause c) {
            return switch (c.kind()) {
                case SUPPLIER_LINK -> c.detail();
                case IOMMU -> "iommus";
                case RESOURCE -> c.detail();
                case IPMMU_ROOT -> "renesas,ipmmu-main";
                case INJECTED -> "injected deferral";
            };
        }
    }
}
