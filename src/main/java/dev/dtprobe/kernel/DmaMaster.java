package dev.dtprobe.kernel;

import dev.dtprobe.tree.Node;

/**
 * What the IOMMU core needs to know about a device that does DMA: its name, its firmware node,
 * and for PCI functions the requester ID and the host bridge whose {@code iommu-map} applies.
 */
public interface DmaMaster {
    String name();

    /** The device's own DT node; null for a PCI function that has none. */
    Node node();

    boolean isPci();

    /** PCI requester ID ({@code bus << 8 | devfn}); meaningless unless {@link #isPci()}. */
    int requesterId();

    /** For PCI: the host bridge node holding {@code iommu-map}; otherwise null. */
    Node hostBridge();

    /** The upstream PCI bridge device (port), or null: used by pci_device_group. */
    DmaMaster upstreamBridge();
}
