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
    DeferCause firstMissing(Device dev, DriverSpec drv) {
        if (dev.node() == null || drv.acquires().isEmpty()) {
            return null;
        }
        Needs needs = dev.needs;
        if (needs == null || needs.driver != drv) {
            needs = resolve(dev, drv);
            dev.needs = needs;
        }
        for (int i = 0; i < needs.providers.length; i++) {
            if (!ready(needs, i)) {
                return new DeferCause(DeferCause.Kind.RESOURCE, needs.providers[i], needs.properties[i]);
            }
        }
        return null;
    }

    /**
     * The providers a driver's probe of one device asks for, resolved once (the tree does not
     * change); each provider's device is looked up until it exists, then kept.
     */
    static final class Needs {
        final DriverSpec driver;
        final Node[] providers;
        final String[] properties;
        final Device[] devices;

        Needs(DriverSpec driver, List<Node> providers, List<String> properties) {
            this.driver = driver;
            this.providers = providers.toArray(new Node[0]);
            this.properties = properties.toArray(new String[0]);
            this.devices = new Device[this.providers.length];
        }
    }

    private Needs resolve(Device dev, DriverSpec drv) {
        if (dev.supplierRefs == null) {
            dev.supplierRefs = graph.suppliers(dev.node());
        }
        List<Node> providers = new java.util.ArrayList<>();
        List<String> properties = new java.util.ArrayList<>();
        for (SupplierRef ref : dev.supplierRefs) {
            if (ref.consumer() != dev.node() || !acquired(ref.property(), drv.acquires())) {
                continue;
            }
            Node provider = providerNode(ref.supplier());
            // a device never waits for itself: a pin controller's own pinctrl-0 states are hogs it
            // claims at registration, an MFD's supplies from its own regulators are wired inside it
            if (provider != null && provider != dev.node() && !earlyProvider.test(provider)) {
                providers.add(provider);
                properties.add(ref.property());
            }
        }
        return new Needs(drv, providers, properties);
    }

    private boolean ready(Needs needs, int i) {
        Device d = needs.devices[i];
        if (d == null) {
            d = deviceOf.get(needs.providers[i]);
            needs.devices[i] = d;
        }
        return d != null && d.state == DeviceState.BOUND;
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
}
