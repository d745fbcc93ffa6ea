package dev.dtprobe.driver;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.SupplierRef;
import dev.dtprobe.tree.Node;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a driver's probe gets from other providers ({@code devm_clk_get}, {@code
 * devm_reset_control_get}, {@code devm_regulator_get}, ...): each property the driver
 * acquires must name a provider that is ready, or the probe returns -EPROBE_DEFER.
 */
final class ResourceLookup {
    private final DeviceGraph graph;
    private final Map<Node, Device> deviceOf;
    private final Predicate<Node> earlyProvider;

    ResourceLookup(DeviceGraph graph, Map<Node, Device> deviceOf, Predicate<Node> earlyProvider) {
        this.graph = graph;
        this.deviceOf = deviceOf;
        this.earlyProvider = earlyProvider;
    }

    /** The first acquired resource whose provider is not ready, or null when all are there. */
    DeferCause firstMissing(Device dev, List<String> acquires) {
        if (dev.node() == null || acquires.isEmpty()) {
            return null;
        }
        if (dev.supplierRefs == null) {
            dev.supplierRefs = graph.suppliers(dev.node());
        }
        for (SupplierRef ref : dev.supplierRefs) {
            if (ref.consumer() != dev.node() || !acquired(ref.property(), acquires)) {
                continue;
            }
            Node provider = providerNode(ref.supplier());
            if (provider != null && !ready(provider)) {
                return new DeferCause(DeferCause.Kind.RESOURCE, provider, ref.property());
            }
        }
        return null;
    }

    static boolean acquired(String property, List<String> acquires) {
        for (String pattern : acquires) {
            if (pattern.startsWith("*")
                    ? property.endsWith(pattern.substring(1))
                    : property.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** The node whose device provides the resource: the supplier or its nearest compatible ancestor. */
    Node providerNode(Node supplier) {
        for (Node n = supplier; n != null && n.parent() != null; n = n.parent()) {
            if (deviceOf.containsKey(n) || n.property("compatible") != null) {
                return n;
            }
        }
        return null;
    }

    boolean ready(Node provider) {
        if (earlyProvider.test(provider)) {
            return true;
        }
        Device d = deviceOf.get(provider);
        return d != null && d.state == DeviceState.BOUND;
    }
}
