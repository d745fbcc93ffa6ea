package dev.dtprobe.driver;

/** The DMA ops a device ends up with after {@code arch_setup_dma_ops}. */
public enum DmaOps {
    /** Never configured, or torn down after a failed or deferred probe. */
    NONE,
    /** Direct mapping (no IOMMU). */
    DIRECT,
    /** IOMMU DMA ops through the group's default domain. */
    IOMMU,
    /** Xen grant-table DMA ops (backend domid from {@code iommus}). */
    XEN_GRANT
}
