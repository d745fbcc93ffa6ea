package dev.dtprobe.lint.dtc;

/** dtc's prop_is_gpio: the property names that hold GPIO specifiers. */
final class GpioProperties {
    private GpioProperties() {
    }

    /** {@code gpios}, {@code gpio}, {@code *-gpios}, {@code *-gpio}, but not {@code *,nr-gpios}. */
    static boolean isGpio(String name) {
        if (name.endsWith(",nr-gpios")) {
            return false;
        }
        return name.endsWith("-gpios") || name.equals("gpios") || name.endsWith("-gpio") || name.equals("gpio");
    }
}
