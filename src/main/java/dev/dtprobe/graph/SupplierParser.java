package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code of_fwnode_add_links} for one node: every live property that has a row in
 * {@link SupplierBindings} is parsed index by index until the first index that yields no node,
 * exactly like {@code of_link_property}. Pairs are reported as the kernel parses them (a supplier
 * named twice appears twice; fwnode_link_add de-duplicates later).
 */
final class SupplierParser {
    /**
     * Bound on interrupt indices: with {@code #interrupt-cells = <0>} of_irq_parse_one succeeds for
     * every index and the kernel would never stop.
     */
    static final int MAX_INTERRUPT_INDEX = 4096;

    private final DeviceGraph graph;
    private final InterruptResolver irq;

    SupplierParser(DeviceGraph graph, InterruptResolver irq) {
        this.graph = graph;
        this.irq = irq;
    }

    List<SupplierRef> suppliers(Node consumer) {
        List<SupplierRef> out = new ArrayList<>();
        for (Property p : consumer.liveProperties()) {
            SupplierBinding b = SupplierBindings.bindingFor(p.name());
            if (b == null) {
                continue;
            }
            Node con = b.parse() == SupplierBinding.Parse.REMOTE_ENDPOINT ? portParent(consumer) : consumer;
            if (con == null) {
                continue;
            }
            for (Node sup : supplierNodes(consumer, p.name(), b)) {
                out.add(new SupplierRef(con, p.name(), sup, b.optional()));
            }
        }
        return out;
    }

    private List<Node> supplierNodes(Node np, String name, SupplierBinding b) {
        return switch (b.parse()) {
            case LIST -> nodes(PhandleWalker.walk(graph, np, name, b.cellsProperty(), 0), np, name);
            case SUFFIX_LIST, GPIOS_SUFFIX -> nodes(PhandleWalker.walk(graph, np, name, b.cellsProperty(),
                    b.cellsProperty() == null ? 0 : -1), np, name);
            case GPIO_COMPAT -> Props.has(np, "gpio-hog") ? List.of()
                    : nodes(PhandleWalker.walk(graph, np, name, b.cellsProperty(), -1), np, name);
            case IOMMU_MAP -> iommuMapTargets(np, name);
            case INTERRUPTS -> interruptControllers(np);
            case INTERRUPT_MAP -> irq.interruptMapParents(np);
            case REMOTE_ENDPOINT -> remotePort(np);
        };
    }

    private static List<Node> nodes(PhandleWalker.Walk w, Node np, String name) {
        List<Node> out = new ArrayList<>();
        for (Specifier s : PhandleWalker.sequential(w, np, name).entries()) {
            out.add(s.target());
        }
        return out;
    }

    /** of_parse_phandle(np, "iommu-map", 4i + 1): cell 4i+1 read as a bare phandle. */
    private List<Node> iommuMapTargets(Node np, String name) {
        long[] cells = Props.cells(np.property(name));
        List<Node> out = new ArrayList<>();
        for (int k = 1; k < cells.length; k += 4) {
            Node n = cells[k] == 0 ? null : graph.byPhandle(cells[k]);
            if (n == null) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    private List<Node> interruptControllers(Node np) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < MAX_INTERRUPT_INDEX; i++) {
            InterruptResolver.Irq r = irq.parseOne(np, i);
            if (r == null) {
                break;
            }
            out.add(r.np());
        }
        return out;
    }

    /** of_graph_get_remote_port: the parent of the endpoint that remote-endpoint names. */
    private List<Node> remotePort(Node np) {
        PhandleWalker.Entry e = PhandleWalker.at(PhandleWalker.walk(graph, np, "remote-endpoint", null, 0), 0);
        if (e == null || e.node() == null || e.node().parent() == null) {
            return List.of();
        }
        return List.of(e.node().parent());
    }

    /**
     * of_graph_get_port_parent(endpoint): endpoint → port → device, or one level more when the
     * port sits in a {@code ports}/{@code in-ports}/{@code out-ports} container.
     */
    static Node portParent(Node endpoint) {
        Node n = endpoint;
        for (int depth = 3; depth > 0 && n != null; depth--) {
            n = n.parent();
            if (depth == 2 && n != null && !isPortsContainer(n)) {
                break;
            }
        }
        return n;
    }

    /** of_node_name_eq: the name before '@'. */
    private static boolean isPortsContainer(Node n) {
        String base = n.baseName();
        return base.equals("ports") || base.equals("in-ports") || base.equals("out-ports");
    }
}
