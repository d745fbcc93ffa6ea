package dev.dtprobe.kernel;

import java.util.Locale;

/**
 * One kernel log line: simulated time in microseconds, level, the {@code dev_printk} prefix
 * ({@code "virtio-mmio 2000000.virtio"} or a subsystem prefix such as {@code "OF"}), and the
 * message in the kernel's own wording.
 *
 * @param device the device name the line is about (for filtering), or null
 */
public record LogLine(long timeMicros, LogLevel level, String prefix, String device, String message) {

    /** dmesg style: {@code [    0.523140] virtio-mmio 2000000.virtio: deferred probe timeout, ...}. */
    public String render() {
        String stamp = String.format(Locale.ROOT, "[%5d.%06d]", timeMicros / 1_000_000, timeMicros % 1_000_000);
        return prefix == null || prefix.isEmpty() ? stamp + " " + message : stamp + " " + prefix + ": " + message;
    }
}
