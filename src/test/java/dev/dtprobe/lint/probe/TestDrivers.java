package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.driver.InitcallLevel;
import dev.dtprobe.driver.catalog.Build;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.iommu.IommuKind;
import java.util.ArrayList;
import java.util.List;

/** Small catalogs for the probe-rule tests: the bundled drivers plus the sample boards' ones. */
final class TestDrivers {
    private TestDrivers() {
    }

    /** An SD host that needs its clock (sdhci-foo) and a clock controller linked after it (acme-cru). */
    static DriverCatalog sampleBoard() {
        return DriverCatalog.bundled().merge(DriverCatalog.of(List.of(
                platform("sdhci-foo", "acme,sdhci", 90000, List.of("clocks", "pinctrl-0", "power-domains")),
                platform("acme-cru", "acme,cru", 95000, List.of()),
                platform("acme-dma", "acme,dma", 90010, List.of()))));
    }

    /** The sample board's catalog plus these extra entries. */
    static DriverCatalog sampleBoardWith(CatalogEntry... extra) {
        return sampleBoard().merge(DriverCatalog.of(List.of(extra)));
    }

    static CatalogEntry platform(String name, String compatible, int linkOrder, List<String> acquires) {
        return CatalogEntry.builtin(new DriverSpec(name, List.of(compatible), BusType.PLATFORM, InitcallLevel.DEVICE,
                linkOrder, null, acquires, false, null, false));
    }

    static CatalogEntry iommu(String name, String compatible, IommuKind kind) {
        return CatalogEntry.builtin(new DriverSpec(name, List.of(compatible), BusType.PLATFORM, InitcallLevel.DEVICE,
                20000, null, List.of(), false, kind, false));
    }

    static CatalogEntry absent(CatalogEntry e) {
        return e.withBuild(Build.ABSENT, null);
    }

    static List<CatalogEntry> list(CatalogEntry... e) {
        return new ArrayList<>(List.of(e));
    }
}
