package dev.dtprobe.iommu;

import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.tree.Node;

/**
 * What the IOMMU code asks the driver core while an IOMMU is not registered yet (§1.8, §4.4).
 */
public interface ProbeStateCheck {

    /**
     * {@code driver_deferred_probe_check_state(dev)}: -EPROBE_DEFER to keep waiting, -ENODEV or
     * -ETIMEDOUT to give up (the driver core prints the kernel's line for those).
     */
    int deferredProbeCheckState(DmaMaster dev);

    /** E1 only: whether a built-in IOMMU_OF_DECLARE driver matches the IOMMU node. */
    boolean builtinDriverDeclared(Node iommuNode);
}
