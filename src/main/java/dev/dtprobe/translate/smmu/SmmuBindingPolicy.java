package dev.dtprobe.translate.smmu;

import dev.dtprobe.kernel.Errno;

/**
 * The driver's system-wide choice between the legacy {@code mmu-masters} binding and the generic
 * {@code iommus} binding ({@code using_legacy_binding} / {@code using_generic_binding} in
 * {@code arm_smmu_device_dt_probe}): the first SMMU probed decides, and an SMMU that would mix
 * the two fails its probe with -ENODEV. One instance per simulated boot.
 */
public final class SmmuBindingPolicy {
    private boolean legacy, generic;

    /** Called at each SMMU probe; hasMmuMasters = the node has an {@code mmu-masters} property. */
    public int probeSmmu(boolean hasMmuMasters) {
        if (hasMmuMasters) {
            if (generic) return -Errno.ENODEV;
            legacy = true;
        } else {
            if (legacy) return -Errno.ENODEV;
            generic = true;
        }
        return 0;
    }

    /** With the legacy binding there is no DMA-API default domain (IOMMU_DOMAIN_DMA is refused). */
    public boolean usingLegacyBinding() { return legacy; }

    public boolean usingGenericBinding() { return generic; }
}
