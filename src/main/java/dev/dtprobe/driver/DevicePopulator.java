package dev.dtprobe.driver;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code of_platform_default_populate_init} (§3.1): platform and AMBA devices for the nodes
 * kernel code would create at {@code arch_initcall_sync}, in depth-first pre-order, recursing
 * only into {@code simple-bus}, {@code simple-mfd}, {@code isa} and {@code arm,amba-bus}; and the
 * devices a driver creates for its own child nodes: platform devices ({@code of_platform_populate}),
 * or, through {@link ClientDevices}, I2C clients, SPI devices and rpmsg channels.
 */
final class DevicePopulator {
    private static final Set<String> BUS_MATCH = Set.of("simple-bus", "simple-mfd", "isa", "arm,amba-bus");
    private static final Set<String> EARLY_RESERVED = Set.of("qcom,rmtfs-mem", "qcom,cmd-db", "ramoops");

    /** Adds a device for a node; returns null when the kernel would not (duplicate name). */
    interface DeviceFactory {
        Device create(String name, Node node, BusType bus, Device parent);
    }

    private final DeviceFactory factory;
    /** Nodes OF_DECLARE code already set up (OF_POPULATED): no device, no recursion. */
    private final Set<Node> populatedEarly;
    private final ClientDevices clients;

    DevicePopulator(DeviceFactory factory, Set<Node> populatedEarly, BusNumbers busNumbers, BootLog log) {
        this.factory = factory;
        this.populatedEarly = populatedEarly;
        this.clients = new ClientDevices(factory, busNumbers, log);
    }

    void populateRoot(DeviceTree tree) {
        Node reserved = tree.nodeAtPath("/reserved-memory");
        if (reserved != null) {
            for (Node n : reserved.liveChildren()) {
                if (compatibleWithAny(n, EARLY_RESERVED)) {
                    createDevice(n, null);
                }
            }
        }
        Node firmware = tree.nodeAtPath("/firmware");
        if (firmware != null) {
            for (Node n : firmware.liveChildren()) {
                busCreate(n, null, false);
            }
        }
        populateChildren(tree.root(), null, BusType.PLATFORM);
    }

    /** What a driver's probe creates for its own child nodes, on the given bus. */
    void populateChildren(Node parentNode, Device parent, BusType childBus) {
        switch (childBus) {
            case I2C -> clients.populateI2c(parentNode, parent);
            case SPI -> clients.registerSpiController(parentNode, parent);
            case RPMSG -> clients.registerRpmsgChannels(parentNode, parent);
            default -> {
                for (Node child : parentNode.liveChildren()) {
                    busCreate(child, parent, true); // of_platform_populate
                }
            }
        }
    }

    private void busCreate(Node node, Device parent, boolean recurseIntoBuses) {
        if (node.property("compatible") == null || populatedEarly.contains(node)
                || compatibleWithAny(node, Set.of("operating-points-v2"))) {
            return;
        }
        if (compatibleWithAny(node, Set.of("arm,primecell"))) {
            if (DeviceGraph.isAvailable(node)) {
                factory.create(DeviceNaming.platformName(node), node, BusType.AMBA, parent);
            }
            return;
        }
        Device dev = createDevice(node, parent);
        if (dev == null || !recurseIntoBuses || !compatibleWithAny(node, BUS_MATCH)) {
            return;
        }
        for (Node child : node.liveChildren()) {
            busCreate(child, dev, true);
        }
    }

    private Device createDevice(Node node, Device parent) {
        if (!DeviceGraph.isAvailable(node)) {
            return null;
        }
        return factory.create(DeviceNaming.platformName(node), node, BusType.PLATFORM, parent);
    }

    /** A simple-bus style node: the OF core populates its children itself, no driver binds it. */
    static boolean isBusNode(Node node) {
        return compatibleWithAny(node, BUS_MATCH);
    }

    static boolean compatibleWithAny(Node node, Set<String> compatibles) {
        for (String c : compatibles(node)) {
            if (compatibles.contains(c)) {
                return true;
            }
        }
        return false;
    }

    static List<String> compatibles(Node node) {
        Property p = node.property("compatible");
        return p == null ? List.of() : p.value().strings();
    }

    /** Visits the PCI functions described below a host bridge node: depth-first, bridges first. */
    static void forEachPciNode(Node host, Consumer<List<Node>> visitPath) {
        walkPci(host, new ArrayList<>(), visitPath);
    }

    private static void walkPci(Node bus, List<Node> path, Consumer<List<Node>> visit) {
        for (Node child : bus.liveChildren()) {
            if (child.property("reg") == null || child.property("reg").value().length() < 4
                    || !DeviceGraph.isAvailable(child)) {
                continue;
            }
            List<Node> p = new ArrayList<>(path);
            p.add(child);
            visit.accept(p);
            walkPci(child, p, visit);
        }
    }
}
