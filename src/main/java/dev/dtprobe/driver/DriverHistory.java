package dev.dtprobe.driver;

import dev.dtprobe.kernel.KernelVersion;
import java.util.Map;

/**
 * Drivers of the bundled catalog that did not exist in every kernel the model simulates: a
 * board booted as an older kernel must not find them.
 */
final class DriverHistory {
    /** Driver name to the first release that has it. */
    private static final Map<String, KernelVersion> INTRODUCED = Map.of(
            // "xen/grant-dma-iommu: Introduce stub IOMMU driver" (Oleksandr Tyshchenko), v5.19
            "xen-grant-dma-iommu", new KernelVersion(5, 19));

    private DriverHistory() {
    }

    /** The first release that has the driver, or null when it is in every simulated kernel. */
    static KernelVersion introducedIn(String driver) {
        return INTRODUCED.get(driver);
    }

    static boolean existsIn(String driver, KernelVersion v) {
        KernelVersion since = INTRODUCED.get(driver);
        return since == null || v.compareTo(since) >= 0;
    }
}
