package dev.dtprobe.driver;

import dev.dtprobe.tree.Node;

/**
 * Why the last probe attempt of a device deferred, in a form the "why" chain can follow to the
 * supplier that is really missing.
 *
 * @param kind           what the device waited for
 * @param supplier       the node it waited on (supplier device, IOMMU, provider), or null
 * @param detail         the property or rule involved, for messages
 * @param supplierDevice for a fw_devlink wait: the supplier's device name, or null while the
 *                       supplier has no device yet
 */
public record DeferCause(Kind kind, Node supplier, String detail, String supplierDevice) {

    public DeferCause(Kind kind, Node supplier, String detail) {
        this(kind, supplier, detail, null);
    }

    /**
     * The deferred reason the driver core records for a fw_devlink wait (§2.4), built only when
     * asked: a large boot defers millions of times and reads few of these.
     */
    String linkReason(String busName) {
        return supplierDevice == null
                ? busName + ": wait for supplier " + supplier.path()
                : busName + ": supplier " + supplierDevice + " not ready";
    }

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
