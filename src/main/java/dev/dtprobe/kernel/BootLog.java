package dev.dtprobe.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The simulated kernel log, in emission order. */
public final class BootLog {
    private final List<LogLine> lines = new ArrayList<>();
    private final SimClock clock;
    private final boolean keepDebug;

    /** @param keepDebug keep dynamic-debug lines (many per probe attempt on a large board) */
    public BootLog(SimClock clock, boolean keepDebug) {
        this.clock = clock;
        this.keepDebug = keepDebug;
    }

    public boolean keepsDebug() {
        return keepDebug;
    }

    public void log(LogLevel level, String prefix, String device, String message) {
        if (level == LogLevel.DEBUG && !keepDebug) {
            return;
        }
        lines.add(new LogLine(clock.now(), level, prefix, device, message));
    }

    /** A line from {@code dev_printk}: prefixed with the driver (or bus) name and the device. */
    public void dev(LogLevel level, String driverOrBus, String device, String message) {
        if (level == LogLevel.DEBUG && !keepDebug) {
            return; // skip building the prefix too: this is the hot path of large boots
        }
        String prefix = driverOrBus == null ? device : driverOrBus + " " + device;
        log(level, prefix, device, message);
    }

    public List<LogLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
