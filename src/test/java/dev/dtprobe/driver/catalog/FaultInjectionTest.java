package dev.dtprobe.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    @Test
    void parsesAllKinds() {
        FaultInjection f = FaultInjection.parse("missing:arm-smmu", "fail:ipmmu-vmsa:-EINVAL",
                "fail:rk_iommu:-22", "defer:sdhci-arasan:3", "module:arm-smmu-v3:12.5", "fail:sdhci-arasan:ENODEV");
        assertEquals(6, f.items().size());
        Map<String, ProbeFault> faults = f.faults();
        assertEquals(new ProbeFault(-22, 0), faults.get("ipmmu-vmsa"));
        assertEquals(new ProbeFault(-22, 0), faults.get("rk_iommu"));
        assertEquals(new ProbeFault(-19, 3), faults.get("sdhci-arasan"), "defer 3 times, then fail");

        DriverCatalog cat = DriverCatalog.bundled().with(f);
        assertEquals(Build.ABSENT, cat.byName("arm-smmu").get().build());
        assertEquals(Build.MODULE, cat.byName("arm-smmu-v3").get().build());
        assertEquals(12.5, cat.byName("arm-smmu-v3").get().moduleLoadSeconds());
        assertTrue(cat.byName("arm-smmu-v3").get().registers());
        assertEquals(new ProbeFault(-19, 3), cat.faults().get("sdhci-arasan"));
        // a missing driver still counts as known: its devices do not fall back to the generic driver
        assertEquals("arm-smmu", cat.matching("arm,mmu-500").get(0).name());
        assertTrue(!cat.matching("arm,mmu-500").get(0).registers());
    }

    @Test
    void syntaxErrors() {
        assertBad("", "empty fault");
        assertBad("crash:arm-smmu", "unknown fault kind 'crash'");
        assertBad("missing", "expected missing:DRIVER");
        assertBad("missing:a:b", "expected missing:DRIVER");
        assertBad("fail:arm-smmu", "expected fail:DRIVER:ERRNO");
        assertBad("fail::-22", "missing driver name");
        assertBad("fail:arm-smmu:22", "must be negative");
        assertBad("fail:arm-smmu:-EFOO", "unknown errno name '-EFOO'");
        assertBad("fail:arm-smmu:-EPROBE_DEFER", "use defer:");
        assertBad("fail:arm-smmu:-99999", "between -4095 and -1");
        assertBad("defer:arm-smmu:0", "at least 1");
        assertBad("defer:arm-smmu:x", "whole number");
        assertBad("module:arm-smmu:soon", "seconds after boot");
        assertBad("module:arm-smmu:-1", "seconds after boot");
    }

    @Test
    void unknownDriverIsRejectedWhenApplied() {
        FaultInjection f = FaultInjection.parse("missing:smmu-v3");
        InputException e = assertThrows(InputException.class, () -> DriverCatalog.bundled().with(f));
        assertTrue(e.getMessage().contains("no driver named 'smmu-v3'"), e.getMessage());
        assertTrue(e.getMessage().contains("arm-smmu-v3"), "suggests a near name: " + e.getMessage());
    }

    private static void assertBad(String spec, String fragment) {
        InputException e = assertThrows(InputException.class, () -> FaultInjection.parse(spec));
        assertTrue(e.getMessage().contains(fragment), spec + " -> " + e.getMessage());
        assertTrue(e.render().startsWith("<command line>: error: bad fault"), e.render());
    }
}
