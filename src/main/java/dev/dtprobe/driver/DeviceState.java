package dev.dtprobe.driver;

/** Where a device stands in the driver core. */
public enum DeviceState {
    /** Added, no probe attempted yet (no matching driver registered so far). */
    CREATED,
    /** On the deferred-probe lists after -EPROBE_DEFER. */
    DEFERRED,
    /** A driver is bound. */
    BOUND,
    /** Every matching driver's probe failed; never retried automatically. */
    FAILED,
    /** No driver in the catalog matches it. */
    NO_DRIVER
}
