package dev.dtprobe.iommu;

/**
 * What kind of IOMMU a driver registers when it binds, which decides how the IOMMU core
 * translates {@code iommus} specifiers ({@code of_xlate}) and groups devices.
 */
public enum IommuKind {
    /** arm-smmu: SMMUv1/v2/MMU-500; 1 or 2 cells (stream ID [, SMR mask]). */
    ARM_SMMU,
    /** arm-smmu-v3: 1 cell, the stream ID. */
    ARM_SMMU_V3,
    /** Renesas IPMMU-VMSA: 1 cell, the micro-TLB; one group per instance; allow-list. */
    IPMMU_VMSA,
    /** Xen grant DMA stub (v5.19+): registers without of_xlate, so masters get no IOMMU at once. */
    XEN_GRANT_STUB,
    /** Any other IOMMU: per-device groups, cells passed through as IDs. */
    GENERIC
}
