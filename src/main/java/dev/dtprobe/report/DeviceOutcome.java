package dev.dtprobe.report;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;

/** Where a device ended at the end of a boot, as every report names it. */
public enum DeviceOutcome {
    BOUND("bound"),
    DEFERRED("deferred"),
    FAILED("failed"),
    NO_DRIVER("no-driver"),
    /** A simple-bus (or similar) container: populated, never bound. */
    BUS("bus");

    private final String label;

    DeviceOutcome(String label) {
        this.label = label;
    }

    /** The word of the reports' STATE column. */
    public String label() {
        return label;
    }

    public static DeviceOutcome of(BootResult r, Device d) {
        if (d.isPopulatedBus()) {
            return BUS;
        }
        if (r.stillDeferred(d)) {
            return DEFERRED;
        }
        return switch (d.state()) {
            case BOUND -> BOUND;
            case FAILED -> FAILED;
            case DEFERRED -> DEFERRED;
            case CREATED, NO_DRIVER -> NO_DRIVER;
        };
    }
}
