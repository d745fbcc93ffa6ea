package dev.dtprobe.kernel;

import dev.dtprobe.tree.Node;

/**
 * What the IOMMU core needs to know about a device that does DMA: its name, its firmware node,
 * and for bus devices whose ID goes through a parent's map (PCI functions: requester ID through
 * the host bridge's {@code iommu-map}; fsl-mc objects: ICID through the fsl-mc node's), that ID,
 * that node, and the device whose group it shares when not isolated (bridge, container).
 */
public interface DmaMaster {
    String name();

    /** The device's own DT node; null for a PCI function or fsl-mc object that has none. */
    Node node();

    boolean isPci();

    /** True when the DMA ID is mapped through {@link #idMapNode()} rather than {@code iommus}. */
    boolean usesIdMap();

    /** PCI requester ID ({@code bus << 8 | devfn}) or fsl-mc ICID; meaningless unless {@link #usesIdMap()}. */
    int requesterId();

    /** The node holding {@code iommu-map} for this device (PCI host bridge, fsl-mc bus), or null. */
    Node idMapNode();

    /** The upstream PCI bridge, or the fsl-mc container, whose group this device joins; or null. */
    DmaMaster upstreamBridge();
}
