package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bus type dtc's bridge checks tag nodes with ({@code node->bus}), as shared per-run state.
 *
 * <p>dtc runs its checks one after another over the whole tree and each bridge check overwrites
 * the tag of the nodes it matches, so what a check sees depends on which bridges ran before it.
 * With dtc's default flags the order is: {@code pci_bridge} and {@code simple_bus_bridge} (both
 * run early, as prerequisites of {@code unit_address_format}), then {@code i2c_bus_bridge}, then
 * {@code spi_bus_bridge}, then {@code graph_nodes}. {@link Stage} names those points.
 *
 * <p>A bridge check whose prerequisites fail anywhere in the tree never runs, so it tags
 * nothing: all of them need addr_size_cells ({@link AddressCells#computed}), pci_bridge also
 * device_type_is_string and simple_bus_bridge compatible_is_string_list.
 */
public final class BusKinds {

    /** A bus type (dtc's {@code struct bus_type}); NONE for an untagged node. */
    public enum Bus { NONE, PCI, SIMPLE, I2C, SPI, GRAPH_PORT, GRAPH_PORTS }

    /** How far dtc's tagging has got when a check runs. */
    public enum Stage {
        /** After pci_bridge and simple_bus_bridge: unit_address_format, pci_*, simple_bus_reg. */
        PCI_AND_SIMPLE_BUS,
        /** After i2c_bus_bridge: i2c_bus_reg. */
        I2C,
        /** After spi_bus_bridge: spi_bus_reg and the style checks. */
        SPI,
        /** After graph_nodes: the graph checks. */
        GRAPH
    }

    private final AddressCells cells;
    private final boolean pciTagging;
    private final boolean simpleBusTagging;
    private final Map<Node, Bus[]> cache = new IdentityHashMap<>();

    private BusKinds(AddressCells cells, boolean pciTagging, boolean simpleBusTagging) {
        this.cells = cells;
        this.pciTagging = pciTagging;
        this.simpleBusTagging = simpleBusTagging;
    }

    /** The run's instance. */
    public static BusKinds of(LintContext ctx) {
        return ctx.shared(BusKinds.class, c -> {
            AddressCells cells = AddressCells.of(c);
            boolean[] deviceTypesOk = {true};
            boolean[] compatiblesOk = {true};
            c.tree().forEachLiveNode(n -> {
                Property deviceType = n.property("device_type");
                Property compatible = n.property("compatible");
                deviceTypesOk[0] &= deviceType == null || DtcValues.isOneString(deviceType.value());
                compatiblesOk[0] &= compatible == null || DtcValues.isStringList(compatible.value());
            });
            return new BusKinds(cells, cells.computed() && deviceTypesOk[0], cells.computed() && compatiblesOk[0]);
        });
    }

    /** The node's tag when a check of the given stage runs. */
    public Bus busOf(Node node, Stage stage) {
        if (node == null) {
            return Bus.NONE;
        }
        return cache.computeIfAbsent(node, this::classify)[stage.ordinal()];
    }

    /** The tag of the node's parent at the given stage (NONE for the root). */
    public Bus parentBus(Node node, Stage stage) {
        return busOf(node.parent(), stage);
    }

    private Bus[] classify(Node node) {
        Bus[] tags = new Bus[Stage.values().length];
        Bus bus = Bus.NONE;
        if (pciTagging && isPciBridge(node)) {
            bus = Bus.PCI;
        }
        if (simpleBusTagging && isSimpleBus(node)) {
            bus = Bus.SIMPLE;
        }
        tags[Stage.PCI_AND_SIMPLE_BUS.ordinal()] = bus;
        if (cells.computed() && isI2cBus(node)) {
            bus = Bus.I2C;
        }
        tags[Stage.I2C.ordinal()] = bus;
        if (cells.computed() && isSpiBus(node)) {
            bus = Bus.SPI;
        }
        tags[Stage.SPI.ordinal()] = bus;
        tags[Stage.GRAPH.ordinal()] = graphTag(node, bus);
        return tags;
    }

    /** pci_bridge: {@code device_type = "pci"}. */
    public static boolean isPciBridge(Node node) {
        Property p = node.property("device_type");
        return p != null && "pci".equals(p.value().firstString());
    }

    /** simple_bus_bridge: one of the compatible strings is {@code simple-bus}. */
    public static boolean isSimpleBus(Node node) {
        Property p = node.property("compatible");
        return p != null && p.value().strings().contains("simple-bus");
    }

    /**
     * i2c_bus_bridge: base name exactly {@code i2c-bus}, {@code i2c-arb} or {@code i2c}. dtc 1.6.1
     * meant to exclude an {@code i2c} node with an {@code i2c-bus} child, but compared the child's
     * name against the parent's base-name length (3), which never equals "i2c-bus".
     */
    public static boolean isI2cBus(Node node) {
        String base = node.baseName();
        return base.equals("i2c-bus") || base.equals("i2c-arb") || base.equals("i2c");
    }

    /**
     * spi_bus_bridge: base name exactly {@code spi}, or (guessing a misnamed bus) cells 1/0 and a
     * child with an {@code spi-*} property.
     */
    public boolean isSpiBus(Node node) {
        return node.baseName().equals("spi") || isUnnamedSpiBus(node);
    }

    /** The guessed SPI bus of {@link #isSpiBus} that is not named {@code spi}. */
    public boolean isUnnamedSpiBus(Node node) {
        if (node.baseName().equals("spi") || cells.addressCells(node) != 1 || cells.sizeCells(node) != 0) {
            return false;
        }
        for (Node child : node.liveChildren()) {
            for (Property p : child.liveProperties()) {
                if (p.name().startsWith("spi-")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * graph_nodes, visiting nodes parents first: a non-root node with a child named exactly
     * {@code endpoint} or a child with {@code remote-endpoint} is a port; its parent becomes
     * "ports" if the parent is still untagged at that moment and is named {@code ports} or the
     * port has {@code reg}.
     */
    private Bus graphTag(Node node, Bus bridgeTag) {
        if (isGraphPort(node)) {
            return Bus.GRAPH_PORT;
        }
        if (bridgeTag != Bus.NONE) {
            return bridgeTag;
        }
        for (Node child : node.liveChildren()) {
            if (isGraphPort(child) && (node.name().equals("ports") || child.property("reg") != null)) {
                return Bus.GRAPH_PORTS;
            }
        }
        return Bus.NONE;
    }

    private static boolean isGraphPort(Node node) {
        if (node.isRoot()) {
            return false;
        }
        for (Node child : node.liveChildren()) {
            if (child.baseName().equals("endpoint") || child.property("remote-endpoint") != null) {
                return true;
            }
        }
        return false;
    }
}
