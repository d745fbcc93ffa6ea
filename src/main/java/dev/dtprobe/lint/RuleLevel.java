package dev.dtprobe.lint;

import dev.dtprobe.diag.Severity;
import java.util.Locale;

/** How a rule is set to report: off, or at one of the three severities. */
public enum RuleLevel {
    OFF, INFO, WARNING, ERROR;

    /** The severity findings get at this level; null when the rule is off. */
    public Severity severity() {
        return switch (this) {
            case OFF -> null;
            case INFO -> Severity.INFO;
            case WARNING -> Severity.WARNING;
            case ERROR -> Severity.ERROR;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code off|info|warning|error} (also {@code warn}, {@code none}); null if unknown. */
    public static RuleLevel parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "off", "none" -> OFF;
            case "info", "note" -> INFO;
            case "warning", "warn" -> WARNING;
            case "error" -> ERROR;
            default -> null;
        };
    }
}
