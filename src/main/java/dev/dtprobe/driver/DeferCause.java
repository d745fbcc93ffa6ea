package dev.dtprobe.driver;

import dev.dtprobe.tree.Node;

/**
 * Why the last probe attempt of a device deferred, in a form the "why" chain can follow to the
 * supplier that is really missing.
 *
 * @param kind     what the device waited for
 * @param supplier the node it waited on (supplier device, IOMMU, provider), or null
 * @param detail   the property or rule involved, for messages
 */
public record DeferCause(Kind kind, Node supplier, String detail) {

    public enum Kind {
        /** fw_devlink: a supplier link blocks the probe. */
        SUPPLIER_LINK,
        /** of_iommu: the IOMMU named by the device is not registered. */
        IOMMU,
        /** The driver's probe could not get a resource (clock, reset, regulator, ...). */
        RESOURCE,
        /** An IPMMU cache instance waits for its root instance. */
        IPMMU_ROOT,
        /** Fault injection: the probe was told to defer. */
        INJECTED
    }
}
