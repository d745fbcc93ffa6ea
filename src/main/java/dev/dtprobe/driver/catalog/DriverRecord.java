package dev.dtprobe.driver.catalog;

import java.util.List;

/**
 * One driver object as written in a catalog file (JSON or YAML). Field names are the file's
 * keys; see {@code docs/driver-catalog.md} for the schema. Boxed types tell "absent" from a value.
 */
record DriverRecord(
        String name,
        List<String> compatibles,
        String bus,
        String level,
        Integer linkOrder,
        String config,
        List<String> acquires,
        Boolean driverManagedDma,
        String iommu,
        Boolean populatesChildren,
        String childBus,
        String build,
        Double moduleLoadSeconds,
        String source,
        String note) {

    /** Every key the schema accepts, for "unknown key" messages. */
    static final List<String> KEYS = List.of("name", "compatibles", "bus", "level", "linkOrder", "config",
            "acquires", "driverManagedDma", "iommu", "populatesChildren", "childBus", "build", "moduleLoadSeconds",
            "source", "note");
}
