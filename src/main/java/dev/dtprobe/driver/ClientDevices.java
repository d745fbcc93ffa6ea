package dev.dtprobe.driver;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The devices a bus controller's driver creates for its child nodes on a bus of its own: I2C
 * clients ({@code of_i2c_register_devices}, muxes included), SPI devices
 * ({@code of_register_spi_devices}) and Qualcomm SMD/GLINK rpmsg channels, each named as its
 * bus core names it.
 */
final class ClientDevices {
    private final DevicePopulator.DeviceFactory factory;
    private final BusNumbers busNumbers;
    private final BootLog log;

    ClientDevices(DevicePopulator.DeviceFactory factory, BusNumbers busNumbers, BootLog log) {
        this.factory = factory;
        this.busNumbers = busNumbers;
        this.log = log;
    }

    /**
     * An I2C mux ({@code i2c_mux_add_adapter}) adds one adapter per channel node (under an
     * {@code i2c-mux} subnode when there is one); any other I2C-populating driver is one adapter.
     */
    void populateI2c(Node node, Device parent) {
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
        createClients(bus != null ? bus : adapterNode, BusType.I2C, parent, child -> DeviceNaming.i2cClientName(child, nr),
                child -> log.dev(LogLevel.ERR, "i2c", "i2c-" + nr, "of_i2c: invalid reg on " + child.path()));
    }

    /** {@code spi_register_controller} with {@code of_register_spi_devices}. */
    void registerSpiController(Node controllerNode, Device parent) {
        int bus = busNumbers.number(controllerNode, BusType.SPI);
        createClients(controllerNode, BusType.SPI, parent, child -> DeviceNaming.spiDeviceName(child, bus),
                child -> log.dev(LogLevel.ERR, "spi_master", "spi" + bus, child.path()
                        + " has no valid 'reg' property (-22)"));
    }

    /** A device for each available child with a compatible; a child its bus cannot name is reported. */
    private void createClients(Node container, BusType bus, Device parent, Function<Node, String> name,
            Consumer<Node> badReg) {
        for (Node child : container.liveChildren()) {
            if (!DeviceGraph.isAvailable(child) || child.property("compatible") == null) {
                continue;
            }
            String n = name.apply(child);
            if (n == null) {
                badReg.accept(child);
            } else {
                factory.create(n, child, bus, parent);
            }
        }
    }

    /**
     * A compatible-less node between an I2C adapter and its clients: the {@code i2c-bus} subnode,
     * a mux's {@code i2c-mux} subnode, or a mux channel {@code i2c@N}.
     */
    static boolean isI2cContainer(Node node) {
        if (node.property("compatible") != null) {
            return false;
        }
        String name = node.baseName();
        return name.equals("i2c-bus") || name.equals("i2c-mux") || name.equals("i2c");
    }

    /**
     * A Qualcomm SMD or GLINK transport: an rpmsg device for each channel node, named as
     * {@code rpmsg_register_device} names it, {@code "<parent>.<channel>.-1.-1"} (source and
     * destination are RPMSG_ADDR_ANY, printed with %d). GLINK channel nodes are the transport's
     * children ({@code qcom,glink-channels}); SMD ones sit below edge nodes ({@code qcom,smd-edge}),
     * whose device is named {@code "<smd>:<edge>"}. The model creates every channel the DT
     * describes; the kernel creates those the remote processor opens.
     */
    void registerRpmsgChannels(Node transport, Device parent) {
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
}
