package dev.dtprobe.driver;

/**
 * One step of the simulated boot, for reports and diffs.
 *
 * @param timeMicros simulated time
 * @param kind       what happened
 * @param device     the device involved, or null for boot-wide events
 * @param driver     the driver involved, or null
 * @param detail     errno name, reason or phase name
 */
public record BootEvent(long timeMicros, Kind kind, String device, String driver, String detail) {

    public enum Kind {
        PHASE, DEVICE_ADDED, DRIVER_REGISTERED, PROBE, DEFER, BIND, FAIL, IOMMU_GROUP, TIMEOUT, PENDING
    }
}
