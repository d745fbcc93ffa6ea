package dev.dtprobe.iommu;

import dev.dtprobe.tree.Node;

/**
 * One registered IOMMU ({@code struct iommu_device}), keyed by its DT node, with the driver
 * that registered it and the name of its platform device (for the driver's log lines).
 */
public record IommuInstance(Node node, IommuKind kind, String driverName, String deviceName) {

    /** False for the Xen grant-DMA stub, whose ops have no of_xlate (§7). */
    public boolean hasOfXlate() {
        return kind != IommuKind.XEN_GRANT_STUB;
    }

    public String path() {
        return node.path();
    }
}
