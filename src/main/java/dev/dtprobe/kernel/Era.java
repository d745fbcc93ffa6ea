package dev.dtprobe.kernel;

/**
 * The kernel version eras of shared/docs/kernel-semantics.md §0: each changes how a device
 * waits for a missing IOMMU and how long deferred probing may last.
 */
public enum Era {
    /** ≤4.11: IOMMU set up when the device is created; no IOMMU deferral. */
    E0,
    /** 4.12–4.18: IOMMU set up at probe; defers only for an IOMMU_OF_DECLAREd driver; no end. */
    E1,
    /** 4.19–5.6: driver_deferred_probe_check_state(), timeout -1, -ENODEV after initcalls. */
    E2,
    /** 5.7: reworked check; timeout 30 s with modules. */
    E3,
    /** 5.8–5.19: timeout 0; fw_devlink=on from 5.13. */
    E4,
    /** 6.0–6.14: timeout 10 s with modules, extended on driver registration. */
    E5,
    /** 6.15+: IOMMU firmware parsing in the IOMMU core's probe path. */
    E6;

    public static Era of(KernelVersion v) {
        if (v.before(4, 12)) {
            return E0;
        }
        if (v.before(4, 19)) {
            return E1;
        }
        if (v.before(5, 7)) {
            return E2;
        }
        if (v.before(5, 8)) {
            return E3;
        }
        if (v.before(6, 0)) {
            return E4;
        }
        if (v.before(6, 15)) {
            return E5;
        }
        return E6;
    }
}
