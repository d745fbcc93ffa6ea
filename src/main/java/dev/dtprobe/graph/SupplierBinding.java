package dev.dtprobe.graph;

/**
 * One row of fw_devlink's supplier table ({@code of_supplier_bindings} in drivers/of/property.c).
 *
 * @param pattern         the property name, or for {@link Match#SUFFIX} the suffix
 *                        ({@code "-supply"}); a name must be longer than the suffix to match
 * @param match           how {@code pattern} is compared
 * @param cellsProperty   the {@code #*-cells} property read in each supplier, or null when every
 *                        entry is a bare phandle
 * @param optional        only linked with {@code fw_devlink.strict=1}
 * @param ignoredForProbe FWLINK_FLAG_IGNORE: recorded for sync_state only, never a probe dependency
 * @param parse           how entries are turned into supplier nodes
 */
public record SupplierBinding(String pattern, Match match, String cellsProperty, boolean optional,
        boolean ignoredForProbe, Parse parse) {

    public enum Match { EXACT, SUFFIX }

    public enum Parse {
        /**
         * {@code parse_prop_cells}: a phandle + args list; a target lacking the cells property is
         * read as 0 args (the kernel passes cell_count 0), not an error.
         */
        LIST,
        /** {@code parse_suffix_prop_cells}: like LIST, but a missing cells property is an error. */
        SUFFIX_LIST,
        /** {@code parse_gpios}: SUFFIX_LIST, except names ending in {@code ",nr-gpios"}. */
        GPIOS_SUFFIX,
        /** {@code parse_gpio_compat}: {@code gpio}/{@code gpios}, skipped in a {@code gpio-hog} node. */
        GPIO_COMPAT,
        /** {@code parse_iommu_maps}: the phandle in cell 4i+1 of each 4-cell entry. */
        IOMMU_MAP,
        /** {@code parse_interrupts}: {@code of_irq_parse_one} index by index, through interrupt-maps. */
        INTERRUPTS,
        /** {@code parse_interrupt_map}: the parent of each entry of the node's own interrupt-map. */
        INTERRUPT_MAP,
        /** {@code parse_remote_endpoint}: the remote port; the consumer is this port's parent device. */
        REMOTE_ENDPOINT
    }

    /** True when a property of this name is handled by this row (before any content checks). */
    public boolean matches(String propertyName) {
        return switch (match) {
            case EXACT -> pattern.equals(propertyName);
            case SUFFIX -> propertyName.length() > pattern.length() && propertyName.endsWith(pattern)
                    && !(parse == Parse.GPIOS_SUFFIX && excludedGpiosName(propertyName));
        };
    }

    /** {@code strcmp_suffix(name, ",nr-gpios") == 0}: longer than the suffix and ending with it. */
    private static boolean excludedGpiosName(String name) {
        String suffix = ",nr-gpios";
        return name.length() > suffix.length() && name.endsWith(suffix);
    }
}
