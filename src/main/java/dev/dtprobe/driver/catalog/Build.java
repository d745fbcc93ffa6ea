package dev.dtprobe.driver.catalog;

/** How a driver is built, as a Kconfig tristate: {@code y}, {@code m} or {@code n}. */
public enum Build {
    /** {@code =y}: registers at its initcall level during boot. */
    BUILTIN,
    /** {@code =m}: registers only when user space loads the module. */
    MODULE,
    /** {@code =n} or {@code # ... is not set}: never registers. */
    ABSENT;

    /** The Kconfig letter for this build ({@code y}, {@code m}, {@code n}). */
    public char letter() {
        return switch (this) {
            case BUILTIN -> 'y';
            case MODULE -> 'm';
            case ABSENT -> 'n';
        };
    }
}
