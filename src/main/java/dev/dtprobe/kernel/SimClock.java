package dev.dtprobe.kernel;

/**
 * Simulated time in microseconds since boot. Every step of the model advances it by a fixed
 * cost, so the same inputs always give the same timestamps and timeouts land where the
 * kernel's would relative to late_initcall.
 */
public final class SimClock {
    private long now;

    public long now() {
        return now;
    }

    public void advance(long micros) {
        now += micros;
    }

    /** Moves forward to {@code time}; never backwards. */
    public void advanceTo(long time) {
        now = Math.max(now, time);
    }

    public static long seconds(double s) {
        return Math.round(s * 1_000_000);
    }
}
