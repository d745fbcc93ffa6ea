package dev.dtprobe.driver;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.LogLevel;
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
 * I2C clients ({@code of_i2c_register_devices}) or SPI devices ({@code of_register_spi_devices}).
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
    private final BusNumbers busNumbers;
    private final BootLog log;

    DevicePopulator(DeviceFactory factory, Set<Node> populatedEarly, BusNumbers busNumbers, BootLog log) {
        this.factory = factory;
        this.populatedEarly = populatedEarly;
        this.busNumbers = busNumbers;
        this.log = log;
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
            case I2C -> populateI2c(parentNode, parent);
            case SPI -> registerSpiController(parentNode, parent);
            case RPMSG -> registerRpmsgChannels(parentNode, parent);
            default -> {
                for (Node child : parentNode.liveChildren()) {
                    busCreate(child, parent, true); // of_platform_populate
                }
            }
        }
    }

    /**
     * An I2C mux ({@code i2c_mux_add_adapter}) adds one adapter per channel node (under an
     * {@code i2c-mux} subnode when there is one); any other I2C-populating driver is one adapter.
     */
    private void populateI2c(Node node, Device parent) {
        List<Node> channels = muxChannels(node);
        if (channels.isEmpty()) {
            registerI2cAdapter(node, parent);
        }
        for (Node channel : channels) {
            registerI2cAdapter(channel, parent);
        }
    }

    /** The channel nodes of an I2C mux: compatible-less {@code i2c@N} children, and no clients. */
    private static List<Node> muxChannels(Node node) {
        Node container = node.child("i2c-mux");
        List<Node> channels = new ArrayList<>();
        for (Node child : (container != null ? container : node).liveChildren()) {
            if (child.property("compatible") != null) {
                return List.of();
            }
            if (child.baseName().equals("i2c") && DeviceGraph.isAvailable(child)) {
                channels.add(child);
            }
        }
        return channels;
    }

    /**
     * {@code i2c_add_adapter} with {@code of_i2c_register_devices}: a client for each available
     * child with a compatible, under an {@code i2c-bus} subnode when there is one.
     */
    private void registerI2cAdapter(Node adapterNode, Device parent) {
        int nr = busNumbers.number(adapterNode, BusType.I2C);
        Node bus = adapterNode.child("i2c-bus");
        for (Node child : (bus != null ? bus : adapterNode).liveChildren()) {
            if (!DeviceGraph.isAvailable(child) || child.property("compatible") == null) {
                continue;
            }
            String name = DeviceNaming.i2cClientName(child, nr);
            if (name == null) {
                log.dev(LogLevel.ERR, "i2c", "i2c-" + nr, "of_i2c: invalid reg on " + child.path());
                continue;
            }
            factory.create(name, child, BusType.I2C, parent);
        }
    }

    /**
     * A Qualcomm SMD or GLINK transport: an rpmsg device for each channel node, named as
     * {@code rpmsg_register_device} names it, {@code "<parent>.<channel>.-1.-1"} (source and
     * destination are RPMSG_ADDR_ANY, printed with %d). GLINK channel nodes are the transport's
     * children ({@code qcom,glink-channels}); SMD ones sit below edge nodes ({@code qcom,smd-edge}),
     * whose device is named {@code "<smd>:<edge>"}. The model creates every channel the DT
     * describes; the kernel creates those the remote processor opens.
     */
    private void registerRpmsgChannels(Node transport, Device parent) {
        String transportName = parent == null ? transport.name() : parent.name();
        for (Node child : transport.liveChildren()) {
            if (!DeviceGraph.isAvailable(child)) {
                continue;
            }
            if (child.property("qcom,smd-edge") != null) {
                for (Node channel : child.liveChildren()) {
                    createRpmsgChannel(channel, transportName + ":" + child.name(), "qcom,smd-channels", parent);
                }
            } else {
                createRpmsgChannel(child, transportName, "qcom,glink-channels", parent);
            }
        }
    }

    private void createRpmsgChannel(Node channel, String parentName, String channelsProperty, Device parent) {
        Property names = channel.property(channelsProperty);
        if (!DeviceGraph.isAvailable(channel) || channel.property("compatible") == null || names == null
                || names.value().length() == 0) {
            return;
        }
        factory.create(parentName + "." + names.value().firstString() + ".-1.-1", channel, BusType.RPMSG, parent);
    }

    /** {@code spi_register_controller} with {@code of_register_spi_devices}. */
    private void registerSpiController(Node controllerNode, Device parent) {
        int bus = busNumbers.number(controllerNode, BusType.SPI);
        for (Node child : controllerNode.liveChildren()) {
            if (!DeviceGraph.isAvailable(child) || child.property("compatible") == null) {
                continue;
            }
            String name = DeviceNaming.spiDeviceName(child, bus);
            if (name == null) {
                log.dev(LogLevel.ERR, "spi_master", "spi" + bus, child.path() + " has no valid 'reg' property (-22)");
                continue;
            }
            factory.create(name, child, BusType.SPI, parent);
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
