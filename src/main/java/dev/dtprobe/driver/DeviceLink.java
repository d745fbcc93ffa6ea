package dev.dtprobe.driver;

import dev.dtprobe.tree.Node;

/**
 * A fw_devlink dependency of a consumer on a supplier (§2.3–2.8). Until the supplier node has a
 * device it is a fwnode link ({@link #supplier} null); then a managed device link.
 */
public final class DeviceLink {
    private final Device consumer;
    private final Node supplierNode;
    private final String property;
    Device supplier;
    /** Relaxed: part of a cycle, or the supplier never matched a driver; no longer blocks. */
    boolean relaxed;
    String relaxedWhy;

    DeviceLink(Device consumer, Node supplierNode, String property) {
        this.consumer = consumer;
        this.supplierNode = supplierNode;
        this.property = property;
    }

    public Device consumer() {
        return consumer;
    }

    /** The node the consumer depends on (the supplier device's node once it exists). */
    public Node supplierNode() {
        return supplierNode;
    }

    public String property() {
        return property;
    }

    public Device supplier() {
        return supplier;
    }

    public boolean isRelaxed() {
        return relaxed;
    }

    public String relaxedWhy() {
        return relaxedWhy;
    }

    /** Whether this link still keeps the consumer from probing. */
    boolean blocks() {
        return !relaxed && (supplier == null || supplier.state != DeviceState.BOUND);
    }
}
