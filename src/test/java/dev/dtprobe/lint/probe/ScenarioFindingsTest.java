package dev.dtprobe.lint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The probe rules over the scenario samples of shared/docs/kernel-semantics.md §9, booted as each
 * sample's "Run:" lines say: each run reports exactly the problems the scenario describes, at
 * the node and property that explain them. (S12 and S24 need --pci/--fsl-mc devices, which the
 * lint runs do not take; S13, S14, S16 and S17 are the seeds, see SeedFindingsTest.)
 */
class ScenarioFindingsTest {
    private static final String S = "samples/scenarios/";

    /** {@code "rule-id /path[:prop]"} per finding, for each Run line of the sample. */
    private static List<List<String>> runs(String sample) {
        return SeedRuns.of(S + sample).stream()
                .map(run -> run.lines().stream().map(l -> l.substring(0, l.indexOf(": "))).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    private static final List<String> IOMMU_MISSING_THEN_TIMEOUT =
            List.of("never-binds /soc/iommu@1000", "bound-after-timeout /soc/mmc@2000:iommus");

    @Test
    void iommuPresentNothingToReport() {
        // S1, S2, S6, S7, S23: the consumer ends translated, at once or after a deferral; nothing wrong
        for (String s : List.of("s01-iommu-first.dts", "s02-consumer-first.dts", "s06-iommu-defers-for-clock.dts",
                "s07-consumer-before-supplier-strict.dts", "s23-consumer-defers-after-dma-setup.dts")) {
            runs(s).forEach(r -> assertEquals(List.of(), r, s));
        }
    }

    @Test
    void iommuNeverRegisters() {
        // S3 (every era: E5 10 s, E2 "assuming no driver", E3 30 s, E4 at late_initcall), S5 (probe
        // -EINVAL), S20 (strict link relaxed at the timeout), S21 (no modules): the SMMU never binds
        // and the consumer binds without it when the kernel stops waiting
        runs("s03-iommu-driver-missing.dts").forEach(r -> assertEquals(IOMMU_MISSING_THEN_TIMEOUT, r));
        assertEquals(List.of(IOMMU_MISSING_THEN_TIMEOUT), runs("s05-iommu-probe-einval.dts"));
        assertEquals(List.of(IOMMU_MISSING_THEN_TIMEOUT), runs("s20-strict-iommu-driver-missing.dts"));
        assertEquals(List.of(IOMMU_MISSING_THEN_TIMEOUT), runs("s21-no-modules.dts"));
        // S8: only the consumer of the failing instance is affected
        assertEquals(List.of(List.of("never-binds /soc/iommu@4000", "bound-after-timeout /soc/mmc@6000:iommus")),
                runs("s08-two-iommus-one-fails.dts"));
    }

    @Test
    void consumerBlockedForEver() {
        // S4: -ENODEV from the IOMMU probe; without strict the consumer binds at the timeout, with
        // fw_devlink.strict=1 the link to a supplier that matched a driver is never relaxed (§2.6)
        assertEquals(List.of(IOMMU_MISSING_THEN_TIMEOUT,
                List.of("never-binds /soc/iommu@1000", "never-binds /soc/mmc@2000:iommus")),
                runs("s04-iommu-probe-enodev.dts"));
        // S22: deferred_probe_timeout=-1: the consumer waits for ever
        assertEquals(List.of(List.of("never-binds /soc/iommu@1000", "never-binds /soc/mmc@2000:iommus")),
                runs("s22-timeout-disabled.dts"));
        // S19: the IOMMU module loads after the timeout; the consumer already bound untranslated
        assertEquals(List.of(List.of("bound-after-timeout /soc/mmc@2000:iommus")),
                runs("s19-iommu-module-after-timeout.dts"));
    }

    @Test
    void iommuRegisteredButDeviceNotTranslated() {
        // S9: up to v6.10 the second iommus entry on an unregistered SMMU drops the fwspec (-EINVAL);
        // v6.11+ defers instead and ends translated
        assertEquals(List.of(List.of("bound-without-iommu /soc/mmc@2000:iommus"), List.of()),
                runs("s09-one-device-two-iommus.dts"));
        // S18: the Ethernet controller is not in ipmmu-vmsa's allow-list
        assertEquals(List.of(List.of("bound-without-iommu /soc/ethernet@e6800000:iommus")),
                runs("s18-ipmmu-shared-domain.dts"));
        // S25: stream ID 0x12345 is out of range for arm-smmu: -ERANGE in probe_device
        assertEquals(List.of(List.of("bound-without-iommu /soc/mmc@2000:iommus",
                "stream-id-out-of-range /soc/mmc@2000:iommus")), runs("s25-iommu-rejects-device.dts"));
    }

    @Test
    void brokenReferences() {
        // S10: iommus names a disabled SMMU (every era); S11: the SMMU node lacks #iommu-cells
        runs("s10-iommu-disabled.dts").forEach(r -> assertEquals(List.of("iommus-disabled-target /soc/mmc@2000:iommus"), r));
        assertEquals(List.of(List.of("iommus-not-an-iommu /soc/mmc@2000:iommus")), runs("s11-iommu-cells-mismatch.dts"));
    }

    @Test
    void dependencyCycle() {
        // S15: clocks one way, power-domains the other; v6.6 "Fixed dependency cycle(s)", v5.15 relaxes
        runs("s15-dependency-cycle.dts").forEach(r ->
                assertEquals(List.of("dependency-cycle /soc/clock-controller@a000:clocks"), r));
    }
}
