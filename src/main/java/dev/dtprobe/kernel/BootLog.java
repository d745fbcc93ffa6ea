package dev.dtprobe.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The simulated kernel log, in emission order. */
public final class BootLog {
    private final List<LogLine> lines = new ArrayList<>();
    private final SimClock clock;

    public BootLog(SimClock clock) {
        this.clock = clock;
    }

    public void log(LogLevel level, String prefix, String device, String message) {
        lines.add(new LogLine(clock.now(), level, prefix, device, message));
    }

    /** A line from {@code dev_printk}: prefixed with the driver (or bus) name and the device. */
    public void dev(LogLevel level, String driverOrBus, String device, String message) {
        String prefix = driverOrBus == null ? device : driverOrBus + " " + device;
        log(level, prefix, device, message);
    }

    public List<LogLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
