package dev.dtprobe.driver;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.SupplierRef;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.tree.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * fw_devlink (§2): turns DT supplier properties into links when a device is added, makes
 * consumers wait in {@code really_probe}, wakes them when a supplier binds, relaxes cycles and,
 * at the deferred-probe timeout, links to suppliers that never matched a driver.
 */
final class FwDevlink {
    private final KernelProfile profile;
    private final DeviceGraph graph;
    private final BootLog log;
    /** Supplier nodes that are ready without a device (OF_DECLARE-style early providers). */
    private final Predicate<Node> earlyProvider;
    /** Nodes that have a device, for mapping supplier nodes to devices. */
    private final Map<Node, Device> deviceOf;
    /** The cycle walk's steps, by node (the DT does not change during a boot). */
    private final Map<Node, CycleStep> cycleSteps = new HashMap<>();
    /** fwnode links (consumer node, supplier node) marked as part of a cycle before both had devices. */
    private final Set<List<Node>> cycleLinks = new HashSet<>();
    /** fwnode links waiting for their supplier's device, by supplier node. */
    private final Map<Node, List<DeviceLink>> waitingFor = new HashMap<>();

    FwDevlink(KernelProfile profile, DeviceGraph graph, BootLog log, Predicate<Node> earlyProvider,
            Map<Node, Device> deviceOf) {
        this.profile = profile;
        this.graph = graph;
        this.log = log;
        this.earlyProvider = earlyProvider;
        this.deviceOf = deviceOf;
    }

    boolean enabled() {
        return profile.fwDevlink() != dev.dtprobe.kernel.FwDevlinkMode.OFF;
    }

    /** {@code fw_devlink_link_device} at device_add: links from this device to its suppliers, and to it. */
    void deviceAdded(Device dev) {
        if (!enabled() || dev.node() == null) {
            return;
        }
        for (DeviceLink waiting : waitingFor.getOrDefault(dev.node(), List.of())) {
            connect(waiting, dev);
        }
        waitingFor.remove(dev.node());
        for (SupplierRef ref : consumerRefs(dev)) {
            if ((ref.optional() && !profile.fwDevlinkStrict()) || ref.ignoredForProbe()) {
                continue;
            }
            Node supplierNode = supplierDeviceNode(ref.supplier());
            if (supplierNode == null || isSelfOrAncestor(supplierNode, dev.node())
                    || isSelfOrAncestor(dev.node(), supplierNode) || alreadyLinked(dev, supplierNode)) {
                continue;
            }
            DeviceLink link = new DeviceLink(dev, supplierNode, ref.property());
            dev.addSupplierLink(link);
            if (!cycleLinks.isEmpty() && cycleLinks.contains(List.of(dev.node(), supplierNode))) {
                link.relaxed = true;
                link.relaxedWhy = "dependency cycle";
            }
            Device supplier = deviceOf.get(supplierNode);
            if (supplier != null) {
                connect(link, supplier);
            } else {
                waitingFor.computeIfAbsent(supplierNode, k -> new ArrayList<>(2)).add(link);
                if (profile.modernCycleHandling() && !link.relaxed && nodeCycleBack(supplierNode, dev.node())) {
                    link.relaxed = true;
                    link.relaxedWhy = "dependency cycle";
                    log.dev(LogLevel.INFO, dev.driverString(), dev.name(), "Fixed dependency cycle(s) with "
                            + supplierNode.path());
                }
            }
        }
    }

    /** The consumer's own properties and those of descendants that never become devices. */
    private List<SupplierRef> consumerRefs(Device dev) {
        Node node = dev.node();
        if (dev.supplierRefs == null) {
            dev.supplierRefs = graph.suppliers(node);
        }
        List<SupplierRef> refs = new ArrayList<>(dev.supplierRefs);
        Deque<Node> todo = new ArrayDeque<>(node.liveChildren());
        while (!todo.isEmpty()) {
            Node child = todo.pop();
            if (child.property("compatible") != null) {
                continue; // may become a device of its own and carry its own links
            }
            refs.addAll(graph.suppliers(child));
            todo.addAll(child.liveChildren());
        }
        return refs;
    }

    /**
     * The node whose device will supply: the supplier itself or its nearest ancestor with a
     * compatible. Null when no link is made: unavailable, or an early provider that is ready.
     */
    private Node supplierDeviceNode(Node supplier) {
        for (Node n = supplier; n != null && n.parent() != null; n = n.parent()) {
            if (!DeviceGraph.isAvailable(n)) {
                return null;
            }
            if (deviceOf.containsKey(n) || n.property("compatible") != null) {
                return earlyProvider.test(n) ? null : n;
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

    private static boolean alreadyLinked(Device dev, Node supplierNode) {
        for (DeviceLink l : dev.supplierLinks) {
            if (l.supplierNode() == supplierNode) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code __fw_devlink_relax_cycles} (v6.3+) for a supplier that has no device yet: whether
     * the supplier's own fwnode suppliers, or its parent device's node, lead back to the
     * consumer, walking fwnode links of nodes whether or not they have devices, as the kernel
     * walks the fwnode graph (e.g. a display clock controller whose parent clocks come from a DSI
     * PHY that its display subsystem, a consumer of that clock controller, has not created yet).
     * The fwnode links on the way back are marked as a cycle ({@code __fwnode_link_cycle}), so
     * the links their consumers make later are relaxed too. The walk stops after
     * {@value #CYCLE_WALK_LIMIT} nodes to keep large generated boards linear.
     */
    private boolean nodeCycleBack(Node supplierNode, Node consumerNode) {
        // breadth first over at most CYCLE_WALK_LIMIT nodes; from[i] is the index of the node whose
        // fwnode supplier nodes[i] is (-1 for the start and for parent steps)
        Node[] nodes = new Node[CYCLE_WALK_LIMIT];
        int[] from = new int[CYCLE_WALK_LIMIT];
        int count = 0;
        nodes[count] = supplierNode;
        from[count++] = -1;
        for (int i = 0; i < count; i++) {
            CycleStep step = step(nodes[i]);
            for (Node next : step.suppliers()) {
                if (next == consumerNode) {
                    markCycle(nodes, from, i, next);
                    return true;
                }
                if (count < CYCLE_WALK_LIMIT && indexOf(nodes, count, next) < 0) {
                    nodes[count] = next;
                    from[count++] = i;
                }
            }
            Node parent = step.parent();
            if (parent == consumerNode) {
                return true; // through a parent device: no fwnode link to mark
            }
            if (parent != null && count < CYCLE_WALK_LIMIT && indexOf(nodes, count, parent) < 0) {
                nodes[count] = parent;
                from[count++] = -1;
            }
        }
        return false;
    }

    private static int indexOf(Node[] nodes, int count, Node n) {
        for (int i = 0; i < count; i++) {
            if (nodes[i] == n) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Marks the fwnode link {@code nodes[i] -> supplier} and the ones that led to it; a consumer
     * on the way that is already a device has its link relaxed at once.
     */
    private void markCycle(Node[] nodes, int[] from, int i, Node supplier) {
        for (Node s = supplier; i >= 0; s = nodes[i], i = from[i]) {
            cycleLinks.add(List.of(nodes[i], s));
            Device consumer = deviceOf.get(nodes[i]);
            if (consumer != null) {
                for (DeviceLink l : consumer.supplierLinks) {
                    if (l.supplierNode() == s) {
                        l.relaxed = true;
                        l.relaxedWhy = "dependency cycle";
                    }
                }
            }
        }
    }

    private static final int CYCLE_WALK_LIMIT = 8;

    private CycleStep step(Node n) {
        return cycleSteps.computeIfAbsent(n, this::cycleStep);
    }

    /** Where the cycle walk goes from a node: its suppliers' device nodes and its parent device's node. */
    private record CycleStep(List<Node> suppliers, Node parent) {
    }

    private CycleStep cycleStep(Node n) {
        List<Node> suppliers = new ArrayList<>(2);
        for (SupplierRef ref : graph.suppliers(n)) {
            Node next = supplierDeviceNode(ref.supplier());
            if (next != null) {
                suppliers.add(next);
            }
        }
        return new CycleStep(suppliers, n.parent() == null ? null : supplierDeviceNode(n.parent()));
    }

    /** fwnode link becomes a device link; a link that would close a loop is relaxed (§2.8). */
    private void connect(DeviceLink link, Device supplier) {
        link.supplier = supplier;
        supplier.addConsumerLink(link);
        if (link.relaxed) {
            return; // already relaxed as a cycle while its supplier had no device
        }
        if (dependsOn(supplier, link.consumer())) {
            relaxCycle(link);
        } else {
            log.dev(LogLevel.DEBUG, link.consumer().driverString(), link.consumer().name(),
                    "Linked as a consumer to " + supplier.name());
        }
    }

    /** Whether {@code from} waits, through unrelaxed links, on {@code target}. */
    private static boolean dependsOn(Device from, Device target) {
        if (target.consumerLinks.isEmpty()) {
            return false; // nobody depends on target, so no loop can close through it
        }
        Set<Device> seen = new HashSet<>();
        Deque<Device> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            Device d = todo.pop();
            if (d == target) {
                return true;
            }
            if (!seen.add(d)) {
                continue;
            }
            for (DeviceLink l : d.supplierLinks) {
                if (l.supplier != null && !l.relaxed) {
                    todo.push(l.supplier);
                }
            }
        }
        return false;
    }

    private void relaxCycle(DeviceLink closing) {
        Device consumer = closing.consumer();
        Device supplier = closing.supplier;
        closing.relaxed = true;
        closing.relaxedWhy = "dependency cycle";
        // relax the links on the way back from the supplier to the consumer as well
        for (DeviceLink l : pathLinks(supplier, consumer)) {
            l.relaxed = true;
            l.relaxedWhy = "dependency cycle";
        }
        if (profile.modernCycleHandling()) {
            log.dev(LogLevel.INFO, consumer.driverString(), consumer.name(),
                    "Fixed dependency cycle(s) with " + supplier.path());
        } else {
            log.dev(LogLevel.DEBUG, consumer.driverString(), consumer.name(), "Relaxing link with " + supplier.name());
        }
    }

    private static List<DeviceLink> pathLinks(Device from, Device to) {
        Map<Device, DeviceLink> via = new HashMap<>();
        Deque<Device> todo = new ArrayDeque<>();
        todo.add(from);
        via.put(from, null);
        while (!todo.isEmpty()) {
            Device d = todo.poll();
            if (d == to) {
                List<DeviceLink> path = new ArrayList<>();
                for (DeviceLink l = via.get(d); l != null; l = via.get(l.consumer())) {
                    path.add(l);
                }
                return path;
            }
            for (DeviceLink l : d.supplierLinks) {
                if (l.supplier != null && !l.relaxed && !via.containsKey(l.supplier)) {
                    via.put(l.supplier, l);
                    todo.add(l.supplier);
                }
            }
        }
        return List.of();
    }

    /**
     * {@code device_links_check_suppliers}: what the consumer must wait for, or null. The driver
     * core records it with the bus name, as dev_err_probe does before a driver is set.
     */
    DeferCause waitCause(Device dev) {
        if (!profile.fwDevlink().blocksProbing()) {
            return null;
        }
        for (DeviceLink l : dev.supplierLinks) {
            if (l.blocks()) {
                return new DeferCause(DeferCause.Kind.SUPPLIER_LINK, l.supplierNode(), l.property(),
                        l.supplier == null ? null : l.supplier.name());
            }
        }
        return null;
    }

    /** Consumers to queue for probing when {@code supplier} binds (DL_FLAG_AUTOPROBE_CONSUMER). */
    List<Device> consumersToProbe(Device supplier) {
        List<Device> out = new ArrayList<>();
        if (!profile.fwDevlink().blocksProbing()) {
            return out;
        }
        for (DeviceLink l : supplier.consumerLinks) {
            Device c = l.consumer();
            if (c.state != DeviceState.BOUND && c.canMatch) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code fw_devlink_drivers_done}: links whose supplier never matched a driver stop
     * blocking; links to a supplier that matched but failed keep blocking for ever (§2.6).
     */
    void driversDone(Iterable<Device> devices) {
        for (Device d : devices) {
            for (DeviceLink l : d.supplierLinks) {
                if (!l.relaxed && (l.supplier == null || !l.supplier.canMatch)) {
                    l.relaxed = true;
                    l.relaxedWhy = "supplier never matched a driver";
                }
            }
        }
    }
}
