package dev.dtprobe.lint.dtc;

import java.util.List;

/**
 * One line of dtc's WARNING_PROPERTY_PHANDLE_CELLS table: a consumer property that lists
 * phandles with arguments, and the provider property that gives the argument count.
 *
 * @param check         dtc's name stem ({@code clocks} gives {@code clocks_property} and {@code clocks_is_cell})
 * @param property      the consumer property ({@code clocks})
 * @param cellsProperty the provider's count ({@code #clock-cells})
 * @param optional      a provider without the count takes no arguments
 */
record PhandleProvider(String check, String property, String cellsProperty, boolean optional) {

    /** dtc 1.6.1's table, in its order. */
    static final List<PhandleProvider> ALL = List.of(
            new PhandleProvider("clocks", "clocks", "#clock-cells", false),
            new PhandleProvider("cooling_device", "cooling-device", "#cooling-cells", false),
            new PhandleProvider("dmas", "dmas", "#dma-cells", false),
            new PhandleProvider("hwlocks", "hwlocks", "#hwlock-cells", false),
            new PhandleProvider("interrupts_extended", "interrupts-extended", "#interrupt-cells", false),
            new PhandleProvider("io_channels", "io-channels", "#io-channel-cells", false),
            new PhandleProvider("iommus", "iommus", "#iommu-cells", false),
            new PhandleProvider("mboxes", "mboxes", "#mbox-cells", false),
            new PhandleProvider("msi_parent", "msi-parent", "#msi-cells", true),
            new PhandleProvider("mux_controls", "mux-controls", "#mux-control-cells", false),
            new PhandleProvider("phys", "phys", "#phy-cells", false),
            new PhandleProvider("power_domains", "power-domains", "#power-domain-cells", false),
            new PhandleProvider("pwms", "pwms", "#pwm-cells", false),
            new PhandleProvider("resets", "resets", "#reset-cells", false),
            new PhandleProvider("sound_dai", "sound-dai", "#sound-dai-cells", false),
            new PhandleProvider("thermal_sensors", "thermal-sensors", "#thermal-sensor-cells", false));

    String propertyCheck() {
        return check + "_property";
    }

    String isCellCheck() {
        return check + "_is_cell";
    }
}
