package dev.dtprobe.driver;

import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated {@code struct device}: identity, bus, the driver-core state of its probing, and
 * the outcome of its DMA configuration. Mutated only by the driver core.
 */
public final class Device implements DmaMaster {
    private final String name;
    private final Node node;
    private final BusType bus;
    private final Device parent;
    private final int index;
    private final int requesterId;
    private final Node idMapNode;
    private final Device upstreamBridge;

    DeviceState state = DeviceState.CREATED;
    DriverSpec driver;
    /** The driver of the last attempt, kept for reports after a failure. */
    DriverSpec lastDriver;
    /** The reason text, when one was given; see {@link #deferReason()}. */
    String deferReasonText;
    /** The reason is the fw_devlink wait described by {@link #lastCause}. */
    boolean reasonIsLinkWait;
    int failErrno;
    boolean canMatch;
    int probeAttempts;
    int deferCount;
    long firstAttemptMicros = -1;
    long boundMicros = -1;
    DmaOps dmaOps = DmaOps.NONE;
    long xenBackendDomid = -1;
    /** A PCI bridge (matched by pcieport; functions below it join its group). */
    boolean pciBridge;
    /** The node's compatible list, read once (matching asks for it on every attempt). */
    List<String> compatibles = List.of();
    /** The node's DT suppliers, parsed once: the tree does not change during a boot. */
    List<dev.dtprobe.graph.SupplierRef> supplierRefs;
    /** What the bound-to-be driver's probe acquires, resolved once (see ResourceLookup). */
    ResourceLookup.Needs needs;
    /** Matching registered drivers, valid while no new driver has registered. */
    List<DriverSpec> candidates;
    int candidatesAtRegistration = -1;
    /** Which deferred-probe list the device is on, and its entry's ticket (see DeferredLists). */
    int deferredList;
    long deferredTicket;
    /** Why the last attempt deferred, structured for the "why" chain. */
    DeferCause lastCause;
    /** Why a failure happened outside the driver's probe (DMA ownership), for reports. */
    String failNote;
    /** ARM32 before v4.12: IOMMU dma_ops survived a failed probe (§4.7). */
    boolean staleDmaOps;
    /** Why the device has no IOMMU although it names one, for reports. */
    String iommuNote;
    /** The first deferral: its reason text or its cause (the last one is {@link #lastCause}). */
    String firstDeferReason;
    DeferCause firstCause;
    /** fw_devlink: supplier links of this consumer. */
    List<DeviceLink> supplierLinks = List.of();
    /** fw_devlink: links where this device is the supplier. */
    List<DeviceLink> consumerLinks = List.of();

    Device(String name, Node node, BusType bus, Device parent, int index, int requesterId, Node idMapNode,
            Device upstreamBridge) {
        this.name = name;
        this.node = node;
        this.bus = bus;
        this.parent = parent;
        this.index = index;
        this.requesterId = requesterId;
        this.idMapNode = idMapNode;
        this.upstreamBridge = upstreamBridge;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Node node() {
        return node;
    }

    public BusType bus() {
        return bus;
    }

    public Device parent() {
        return parent;
    }

    /** Creation order (the bus's device list order). */
    public int index() {
        return index;
    }

    @Override
    public boolean isPci() {
        return bus == BusType.PCI;
    }

    @Override
    public int requesterId() {
        return requesterId;
    }

    @Override
    public boolean usesIdMap() {
        return bus == BusType.PCI || bus == BusType.FSL_MC;
    }

    @Override
    public Node idMapNode() {
        return idMapNode;
    }

    @Override
    public Device upstreamBridge() {
        return upstreamBridge;
    }

    public DeviceState state() {
        return state;
    }

    public DriverSpec driver() {
        return driver;
    }

    public DriverSpec lastDriver() {
        return lastDriver;
    }

    /** The deferred reason as {@code devices_deferred} would show it, or null if none is set. */
    public String deferReason() {
        if (deferReasonText != null) {
            return deferReasonText;
        }
        return reasonIsLinkWait && lastCause != null ? lastCause.linkReason(busName()) : null;
    }

    void clearDeferReason() {
        deferReasonText = null;
        reasonIsLinkWait = false;
    }

    public int failErrno() {
        return failErrno;
    }

    public int probeAttempts() {
        return probeAttempts;
    }

    public int deferCount() {
        return deferCount;
    }

    public long boundMicros() {
        return boundMicros;
    }

    public DmaOps dmaOps() {
        return dmaOps;
    }

    public long xenBackendDomid() {
        return xenBackendDomid;
    }

    public String iommuNote() {
        return iommuNote;
    }

    public String failNote() {
        return failNote;
    }

    public DeferCause lastCause() {
        return lastCause;
    }

    public boolean staleDmaOps() {
        return staleDmaOps;
    }

    /** The structured cause of the first deferral (what it waited for); null if it never deferred. */
    public DeferCause firstCause() {
        return firstCause;
    }

    /** Why the first probe attempt that deferred did so; null if it never deferred. */
    public String firstDeferReason() {
        if (firstDeferReason == null && firstCause != null && firstCause.kind() == DeferCause.Kind.SUPPLIER_LINK) {
            return firstCause.linkReason(busName());
        }
        return firstDeferReason;
    }

    public List<DeviceLink> supplierLinks() {
        return List.copyOf(supplierLinks);
    }

    /** Lists start empty and shared: most devices of a large board have no or few links. */
    void addSupplierLink(DeviceLink l) {
        if (supplierLinks.isEmpty()) {
            supplierLinks = new ArrayList<>(2);
        }
        supplierLinks.add(l);
    }

    void addConsumerLink(DeviceLink l) {
        if (consumerLinks.isEmpty()) {
            consumerLinks = new ArrayList<>(2);
        }
        consumerLinks.add(l);
    }

    /** A simple-bus (or simple-mfd, isa, amba-bus) node: a container, not something to bind. */
    public boolean isPopulatedBus() {
        return node != null && state != DeviceState.BOUND && DevicePopulator.isBusNode(node);
    }

    /** The DT path, or the device name for devices without a node. */
    public String path() {
        return node == null ? name : node.path();
    }

    /** {@code dev_driver_string}: the bound (or probing) driver's name, else the bus name. */
    String driverString() {
        return driver != null ? driver.name() : busName();
    }

    String busName() {
        return switch (bus) {
            case PLATFORM -> "platform";
            case AMBA -> "amba";
            case PCI -> "pci";
            case FSL_MC -> "fsl-mc";
            case I2C -> "i2c";
            case SPI -> "spi";
            case VIRTIO -> "virtio";
            case RPMSG -> "rpmsg";
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
