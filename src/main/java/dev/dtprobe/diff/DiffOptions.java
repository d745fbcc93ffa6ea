package dev.dtprobe.diff;

/**
 * How two boots are compared and labelled.
 *
 * @param timeThresholdMicros a device bound in both boots is reported when its bind time moved by
 *                            at least this much (default 100 ms: far above the microsecond steps
 *                            of initcall order, below the 0.5 s of user space and the seconds of
 *                            the deferred-probe timeout)
 * @param labelA              how reports name the first boot (file and profile)
 * @param labelB              how reports name the second boot
 */
public record DiffOptions(long timeThresholdMicros, String labelA, String labelB) {
    public static final long DEFAULT_TIME_THRESHOLD_MICROS = 100_000;

    public DiffOptions {
        if (timeThresholdMicros < 0) {
            throw new IllegalArgumentException("negative time threshold");
        }
    }

    public static DiffOptions defaults() {
        return new DiffOptions(DEFAULT_TIME_THRESHOLD_MICROS, "A", "B");
    }

    public DiffOptions withLabels(String a, String b) {
        return new DiffOptions(timeThresholdMicros, a, b);
    }

    public DiffOptions withTimeThreshold(long micros) {
        return new DiffOptions(micros, labelA, labelB);
    }
}
