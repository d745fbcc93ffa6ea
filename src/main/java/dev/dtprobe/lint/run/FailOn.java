package dev.dtprobe.lint.run;

import dev.dtprobe.diag.Severity;
import java.util.Locale;

/**
 * The failure threshold ({@code --fail-on}, {@code fail-on:} in the config file): the run fails
 * when a finding that is neither suppressed nor in the baseline is at or above it (inclusive).
 */
public enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), INFO(Severity.INFO), NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** Whether a finding of this severity fails the run. */
    public boolean fails(Severity severity) {
        return threshold != null && severity.compareTo(threshold) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code error|warning|info|none}, also {@code note} and {@code never}; null if unknown. */
    public static FailOn parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note" -> INFO;
            case "none", "never" -> NONE;
            default -> null;
        };
    }
}
