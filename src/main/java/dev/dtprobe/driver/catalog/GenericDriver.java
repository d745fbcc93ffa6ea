package dev.dtprobe.driver.catalog;

import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.driver.InitcallLevel;
import java.util.List;

/**
 * The stand-in driver for a device whose compatibles no catalog driver knows.
 *
 * <p>It is named {@code generic:<compatible>} after the device's most specific compatible (the
 * colon keeps it from ever colliding with a kernel driver name), has a one-entry match table with
 * that compatible, registers at {@link InitcallLevel#DEVICE} after every known driver
 * ({@link #LINK_ORDER}), is built in, sits on the AMBA bus when the node is an
 * {@code arm,primecell}, on the I2C or SPI bus for a client of an I2C adapter or SPI controller,
 * and on the platform bus otherwise, and acquires the suppliers nearly every
 * real probe waits for: {@link #ACQUIRES}. It never registers an IOMMU, never populates children
 * and does not manage DMA itself.
 */
public final class GenericDriver {
    public static final String PREFIX = "generic:";
    /** After every bundled or user driver of the DEVICE level. */
    public static final int LINK_ORDER = Integer.MAX_VALUE;
    /** What the generic probe acquires: the core's pinctrl and power domain plus the usual resources. */
    public static final List<String> ACQUIRES = List.of("pinctrl-0", "power-domains", "clocks", "resets",
            "*-supply");

    private GenericDriver() {
    }

    public static boolean isGenericName(String name) {
        return name != null && name.startsWith(PREFIX);
    }

    /** The generic driver for a node whose compatible list is {@code nodeCompatibles} (most specific first). */
    public static CatalogEntry forNode(List<String> nodeCompatibles) {
        BusType bus = nodeCompatibles.contains("arm,primecell") ? BusType.AMBA : BusType.PLATFORM;
        return forCompatible(namedCompatible(nodeCompatibles), bus);
    }

    /** The generic driver for a node whose device sits on {@code bus} (an I2C or SPI client). */
    public static CatalogEntry forNode(List<String> nodeCompatibles, BusType bus) {
        return forCompatible(namedCompatible(nodeCompatibles), bus);
    }

    /** The compatible a node's generic driver is named after: the most specific, skipping arm,primecell. */
    private static String namedCompatible(List<String> nodeCompatibles) {
        if (nodeCompatibles.isEmpty()) {
            throw new IllegalArgumentException("a node without compatible has no generic driver");
        }
        String first = nodeCompatibles.get(0);
        return first.equals("arm,primecell") && nodeCompatibles.size() > 1 ? nodeCompatibles.get(1) : first;
    }

    /**
     * The generic driver for an I2C or SPI controller the catalog does not know: it also registers
     * the adapter, so that its clients get devices as under a real controller driver.
     */
    public static CatalogEntry forController(List<String> nodeCompatibles, BusType bus, BusType childBus) {
        return entry(namedCompatible(nodeCompatibles), bus, childBus);
    }

    public static CatalogEntry forCompatible(String compatible, BusType bus) {
        return entry(compatible, bus, null);
    }

    /** childBus null: populates nothing. */
    private static CatalogEntry entry(String compatible, BusType bus, BusType childBus) {
        DriverSpec spec = new DriverSpec(PREFIX + compatible, List.of(compatible), bus, InitcallLevel.DEVICE,
                LINK_ORDER, null, ACQUIRES, false, null, childBus != null, childBus);
        return CatalogEntry.builtin(spec);
    }
}
