package dev.dtprobe.kernel;

/** printk levels the model emits; DEBUG lines are dynamic-debug output, hidden by default. */
public enum LogLevel {
    ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
