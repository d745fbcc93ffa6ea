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
            Device supplier = deviceOf.get(supplierNode);
            if (supplier != null) {
                connect(link, supplier);
            } else {
                waitingFor.computeIfAbsent(supplierNode, k -> new ArrayList<>(2)).add(link);
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

    /** fwnode link becomes a device link; a link that would close a loop is relaxed (§2.8). */
    private void connect(DeviceLink link, Device supplier) {
        link.supplier = supplier;
        supplier.addConsumerLink(link);
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
