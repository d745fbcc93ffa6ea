package dev.dtprobe.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.InitcallLevel;
import dev.dtprobe.iommu.IommuKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {
    private final DriverCatalog cat = DriverCatalog.bundled();

    @Test
    void noDuplicateNames() {
        Set<String> names = new HashSet<>();
        for (CatalogEntry e : cat.entries()) {
            assertTrue(names.add(e.name()), "duplicate " + e.name());
        }
        assertTrue(cat.entries().size() > 400, "catalog has " + cat.entries().size() + " drivers");
    }

    @Test
    void everyIommuKindHasADriver() {
        Set<IommuKind> kinds = EnumSet.noneOf(IommuKind.class);
        for (CatalogEntry e : cat.entries()) {
            if (e.spec().iommu() != null) {
                kinds.add(e.spec().iommu());
            }
        }
        assertEquals(EnumSet.allOf(IommuKind.class), kinds);
        assertEquals(IommuKind.ARM_SMMU, cat.matching("arm,mmu-500").get(0).spec().iommu());
        assertEquals(IommuKind.ARM_SMMU_V3, cat.matching("arm,smmu-v3").get(0).spec().iommu());
        assertEquals(IommuKind.IPMMU_VMSA, cat.matching("renesas,ipmmu-r8a7795").get(0).spec().iommu());
        CatalogEntry xen = cat.matching("xen,grant-dma").get(0);
        assertEquals(IommuKind.XEN_GRANT_STUB, xen.spec().iommu());
        assertEquals(InitcallLevel.SUBSYS, xen.spec().level());
    }

    @Test
    void registrationOrderIsSorted() {
        List<CatalogEntry> es = cat.entries();
        for (int i = 1; i < es.size(); i++) {
            assertTrue(DriverCatalog.REGISTRATION_ORDER.compare(es.get(i - 1), es.get(i)) < 0,
                    es.get(i - 1).name() + " before " + es.get(i).name());
        }
        // drivers/Makefile: iommu/ links before gpu/, mmc/ after i2c/
        assertTrue(cat.byName("arm-smmu").get().spec().linkOrder() < cat.byName("panfrost").get().spec().linkOrder());
        assertTrue(cat.byName("arm-smmu").get().spec().linkOrder()
                < cat.byName("arm-smmu-v3").get().spec().linkOrder());
    }

    @Test
    void compatiblesAreWellFormedAndUnique() {
        Set<String> all = new HashSet<>();
        List<String> shared = new ArrayList<>();
        for (CatalogEntry e : cat.entries()) {
            for (String c : e.spec().compatibles()) {
                assertTrue(CompatibleStrings.isWellFormed(c), e.name() + ": " + c);
                assertFalse(c.equals("arm,primecell"), "arm,primecell matches no driver");
                if (!all.add(c)) {
                    shared.add(c);
                }
            }
            for (String a : e.spec().acquires()) {
                assertTrue(CompatibleStrings.isValidAcquire(a), e.name() + ": " + a);
            }
            if (e.spec().config() != null) {
                assertTrue(e.spec().config().startsWith("CONFIG_"), e.name());
            }
        }
        assertEquals(List.of(), shared, "a compatible listed by two bundled drivers");
    }

    @Test
    void specialDrivers() {
        CatalogEntry vfio = cat.byName("vfio-platform").orElseThrow();
        assertTrue(vfio.spec().driverManagedDma());
        assertTrue(vfio.spec().compatibles().isEmpty());
        CatalogEntry ecam = cat.matching("pci-host-ecam-generic").get(0);
        assertTrue(ecam.spec().populatesChildren());
        assertEquals(BusType.AMBA, cat.matching("arm,pl011").get(0).spec().bus());
        assertEquals(InitcallLevel.PURE, cat.matching("arm,gic-400").get(0).spec().level());
        assertEquals(BusType.VIRTIO, cat.byName("virtio-iommu").get().spec().bus());
        for (CatalogEntry e : cat.entries()) {
            assertEquals(Build.BUILTIN, e.build(), "bundled builds are REF: all built in");
        }
    }

    @Test
    void genericDriver() {
        List<CatalogEntry> m = cat.matching("acme,widget");
        assertEquals(1, m.size());
        CatalogEntry g = m.get(0);
        assertTrue(g.isGeneric());
        assertEquals("generic:acme,widget", g.name());
        assertEquals(InitcallLevel.DEVICE, g.spec().level());
        assertEquals(Integer.MAX_VALUE, g.spec().linkOrder());
        assertTrue(g.spec().acquires().containsAll(List.of("clocks", "resets", "power-domains", "*-supply",
                "pinctrl-0")));
        // a node with one known compatible gets the known driver only
        assertEquals(List.of("sdhci-arasan"), cat.matchingNode(List.of("acme,sdhci", "arasan,sdhci-5.1"))
                .stream().map(CatalogEntry::name).toList());
        // a primecell nobody knows is a generic AMBA device named after its specific compatible
        CatalogEntry amba = cat.matchingNode(List.of("acme,pl999", "arm,primecell")).get(0);
        assertEquals("generic:acme,pl999", amba.name());
        assertEquals(BusType.AMBA, amba.spec().bus());
        assertTrue(cat.withGenericDriver(false).matching("acme,widget").isEmpty());
        // registration order puts the generic driver after every known device-level driver
        CatalogEntry last = cat.entries().stream().filter(e -> e.spec().level() == InitcallLevel.DEVICE)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(DriverCatalog.REGISTRATION_ORDER.compare(last, g) < 0);
    }
}
