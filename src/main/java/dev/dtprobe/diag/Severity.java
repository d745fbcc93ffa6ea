package dev.dtprobe.diag;

/** How serious a diagnostic is; ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
