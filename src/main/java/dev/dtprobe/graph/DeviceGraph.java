package dev.dtprobe.graph;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The references between nodes of one device tree, read the way the kernel's OF code reads them:
 * phandle lookup, {@code #*-cells} lists, fw_devlink suppliers, interrupt parents and ID maps.
 * Built once per tree (one O(n) phandle index); it never changes the tree, so the tree must not be
 * changed while the graph is in use.
 */
public final class DeviceGraph {
    private final DeviceTree tree;
    private final Map<Long, Node> byPhandle = new HashMap<>();
    private final InterruptResolver irq = new InterruptResolver(this);
    private final SupplierParser suppliers = new SupplierParser(this, irq);
    private final IdMapper idMapper = new IdMapper(this);

    public DeviceGraph(DeviceTree tree) {
        this.tree = tree;
        tree.forEachLiveNode(this::index);
    }

    /**
     * The kernel takes a node's phandle from its first {@code phandle}/{@code linux,phandle}
     * property; on duplicates, of_find_node_by_phandle returns the first node in tree order.
     */
    private void index(Node n) {
        long ph = n.phandle();
        if (ph == Node.NO_PHANDLE) {
            for (Property p : n.liveProperties()) {
                if ((p.name().equals("phandle") || p.name().equals("linux,phandle")) && p.value().length() >= 4) {
                    ph = p.value().cellAt(0);
                    break;
                }
            }
        }
        if (ph != Node.NO_PHANDLE) {
            byPhandle.putIfAbsent(ph, n);
        }
    }

    public DeviceTree tree() {
        return tree;
    }

    /** of_find_node_by_phandle: the live node, or null (always null for 0). */
    public Node byPhandle(long phandle) {
        return phandle == 0 ? null : byPhandle.get(phandle & 0xffffffffL);
    }

    /** of_device_is_available: status absent, or its first string is "okay" or "ok". */
    public static boolean isAvailable(Node n) {
        if (n == null) {
            return false;
        }
        Property status = n.property("status");
        if (status == null) {
            return true;
        }
        if (status.value().length() == 0) {
            return false;
        }
        String s = status.value().firstString();
        return "okay".equals(s) || "ok".equals(s);
    }

    /**
     * of_parse_phandle_with_args over the whole list, index 0, 1, ... stopping at the first entry
     * the kernel rejects; see {@link Problem} for the messages. With a null {@code cellsProperty}
     * every entry is a bare phandle (of_parse_phandle).
     */
    public SpecifierList parse(Node node, String listProperty, String cellsProperty) {
        PhandleWalker.Walk w = PhandleWalker.walk(this, node, listProperty, cellsProperty, cellsProperty == null ? 0 : -1);
        return PhandleWalker.sequential(w, node, listProperty);
    }

    /** of_parse_phandle_with_args(node, list, cells, index): one entry, or null on any failure. */
    public Specifier parseAt(Node node, String listProperty, String cellsProperty, int index) {
        PhandleWalker.Walk w = PhandleWalker.walk(this, node, listProperty, cellsProperty, cellsProperty == null ? 0 : -1);
        PhandleWalker.Entry e = PhandleWalker.at(w, index);
        return e == null || e.node() == null ? null : new Specifier(listProperty, index, e.node(), e.args());
    }

    /** fw_devlink's supplier links for the properties of this one node (not its children). */
    public List<SupplierRef> suppliers(Node consumer) {
        return suppliers.suppliers(consumer);
    }

    /** of_irq_find_parent: the nearest node with #interrupt-cells along interrupt-parent/parent links. */
    public Node interruptParent(Node node) {
        return irq.findParent(node);
    }

    /**
     * The controller that interrupt {@code index} of {@code node} finally reaches (of_irq_parse_one,
     * through interrupts-extended or interrupts and any interrupt-map nexus), or null.
     */
    public Node interruptController(Node node, int index) {
        InterruptResolver.Irq r = irq.parseOne(node, index);
        return r == null ? null : r.np();
    }

    /** of_map_id with the first matching entry choosing the target (the IOMMU and MSI callers). */
    public IdMapping mapId(Node bridge, String mapProperty, long id) {
        return idMapper.map(bridge, mapProperty, id, null);
    }

    /** of_map_id restricted to entries that name {@code target} (a caller passing *target set). */
    public IdMapping mapId(Node bridge, String mapProperty, long id, Node target) {
        return idMapper.map(bridge, mapProperty, id, target);
    }
}
