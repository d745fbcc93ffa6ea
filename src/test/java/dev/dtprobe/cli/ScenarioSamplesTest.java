package dev.dtprobe.cli;

import static dev.dtprobe.cli.SampleRuns.assertBoundAtLateInitcall;
import static dev.dtprobe.cli.SampleRuns.assertBoundAtOnce;
import static dev.dtprobe.cli.SampleRuns.assertBoundAtTimeout;
import static dev.dtprobe.cli.SampleRuns.assertLogOrder;
import static dev.dtprobe.cli.SampleRuns.assertNoLog;
import static dev.dtprobe.cli.SampleRuns.assertStates;
import static dev.dtprobe.cli.SampleRuns.boot;
import static dev.dtprobe.cli.SampleRuns.device;
import static dev.dtprobe.cli.SampleRuns.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.iommu.DomainType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 25 scenarios of shared/docs/kernel-semantics.md §9, each run from its bundled sample in
 * samples/scenarios (S13, S14, S16 and S17 are the seed samples in samples/seeds) exactly as the
 * sample's "Run:" lines say, in the kernel era the scenario names. Each test checks the final
 * state of every device and the order of the key log lines the reference gives.
 */
class ScenarioSamplesTest {
    private static final String S = "samples/scenarios/";
    private static final String SEEDS = "samples/seeds/";

    @Test
    void s01IommuDriverFirst() {
        BootResult r = boot(S + "s01-iommu-first.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound");
        assertBoundAtOnce(r, "2000.mmc");
        assertEquals(0, group(r, "2000.mmc"));
        assertEquals(DomainType.DMA, r.iommu().group(device(r, "2000.mmc")).defaultDomain());
        assertEquals(List.of(0x10L), r.iommu().fwspec(device(r, "2000.mmc")).ids());
        assertLogOrder(r, "iommu: Default domain type: Translated", "sdhci-foo 2000.mmc: Adding to iommu group 0");
    }

    @Test
    void s02ConsumerDriverFirst() {
        BootResult r = boot(S + "s02-consumer-first.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound");
        assertBoundAtLateInitcall(r, "2000.mmc");
        assertEquals(1, device(r, "2000.mmc").deferCount());
        assertEquals(0, group(r, "2000.mmc"));
        assertTrue(device(r, "1000.iommu").boundMicros() < device(r, "2000.mmc").boundMicros());
    }

    @Test
    void s03IommuDriverMissingPerEra() {
        BootResult e5 = boot(S + "s03-iommu-driver-missing.dts", 0);
        assertStates(e5, "1000.iommu=no-driver", "2000.mmc=bound");
        assertBoundAtTimeout(e5, "2000.mmc", 10);
        assertEquals(-1, group(e5, "2000.mmc"));
        assertEquals(DmaOps.DIRECT, device(e5, "2000.mmc").dmaOps());
        assertLogOrder(e5, "sdhci-foo 2000.mmc: deferred probe timeout, ignoring dependency");
        assertNoLog(e5, "iommu configuration for device failed"); // only 6.8-6.14

        BootResult e2 = boot(S + "s03-iommu-driver-missing.dts", 1);
        assertStates(e2, "1000.iommu=no-driver", "2000.mmc=bound");
        assertBoundAtLateInitcall(e2, "2000.mmc");
        assertLogOrder(e2, "2000.mmc: ignoring dependency for device, assuming no driver");
        assertEquals(-1, e2.timeoutFiredMicros());

        BootResult e3 = boot(S + "s03-iommu-driver-missing.dts", 2);
        assertBoundAtTimeout(e3, "2000.mmc", 30);
        assertLogOrder(e3, "2000.mmc: deferred probe timeout, ignoring dependency");

        BootResult e4 = boot(S + "s03-iommu-driver-missing.dts", 3);
        assertBoundAtLateInitcall(e4, "2000.mmc");
        assertLogOrder(e4, "2000.mmc: deferred probe timeout, ignoring dependency");
        assertEquals(-1, e4.timeoutFiredMicros());
    }

    @Test
    void s04IommuProbeRejectsMatch() {
        BootResult r = boot(S + "s04-iommu-probe-enodev.dts", 0);
        assertStates(r, "1000.iommu=failed", "2000.mmc=bound");
        assertNoLog(r, "probe of 1000.iommu failed"); // -ENODEV is debug only
        assertBoundAtTimeout(r, "2000.mmc", 10);

        BootResult strict = boot(S + "s04-iommu-probe-enodev.dts", 1);
        assertStates(strict, "1000.iommu=failed", "2000.mmc=deferred");
        assertEquals("platform: supplier 1000.iommu not ready", device(strict, "2000.mmc").deferReason());
        assertLogOrder(strict, "platform 2000.mmc: deferred probe pending: platform: supplier 1000.iommu not ready");
        assertEquals("mmc@2000 <- iommu@1000: probe by arm-smmu failed with -ENODEV",
                strict.why(device(strict, "2000.mmc")).oneLine());
    }

    @Test
    void s05IommuProbeFails() {
        BootResult r = boot(S + "s05-iommu-probe-einval.dts", 0);
        assertStates(r, "1000.iommu=failed", "2000.mmc=bound");
        assertEquals(1, device(r, "1000.iommu").probeAttempts()); // never retried
        assertLogOrder(r, "arm-smmu: probe of 1000.iommu failed with error -22",
                "2000.mmc: deferred probe timeout, ignoring dependency");
        assertBoundAtTimeout(r, "2000.mmc", 10);
    }

    @Test
    void s06IommuDefersThenBindsAtLateInitcall() {
        BootResult r = boot(S + "s06-iommu-defers-for-clock.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound", "3000.clock-controller=bound");
        assertBoundAtLateInitcall(r, "1000.iommu");
        assertBoundAtLateInitcall(r, "2000.mmc");
        assertTrue(device(r, "3000.clock-controller").boundMicros() < device(r, "1000.iommu").boundMicros());
        assertTrue(device(r, "1000.iommu").boundMicros() < device(r, "2000.mmc").boundMicros());
        assertEquals(0, group(r, "2000.mmc"));
    }

    @Test
    void s07ConsumerBeforeSupplierWithStrictLinks() {
        BootResult r = boot(S + "s07-consumer-before-supplier-strict.dts", 0);
        assertStates(r, "2000.mmc=bound", "1000.iommu=bound");
        assertEquals("platform: supplier 1000.iommu not ready", device(r, "2000.mmc").firstDeferReason());
        assertBoundAtLateInitcall(r, "2000.mmc");
        assertEquals(0, group(r, "2000.mmc"));
    }

    @Test
    void s08InstancesAreIndependent() {
        BootResult r = boot(S + "s08-two-iommus-one-fails.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound", "4000.iommu=failed", "6000.mmc=bound");
        assertBoundAtOnce(r, "2000.mmc");
        assertEquals(0, group(r, "2000.mmc"));
        assertBoundAtTimeout(r, "6000.mmc", 10);
        assertEquals(-1, group(r, "6000.mmc"));
    }

    @Test
    void s09OneDeviceTwoInstances() {
        BootResult old = boot(S + "s09-one-device-two-iommus.dts", 0);
        assertStates(old, "1000.iommu=bound", "2000.mmc=bound", "4000.iommu=bound", "3000.clock-controller=bound");
        assertBoundAtOnce(old, "2000.mmc");
        assertEquals(-1, group(old, "2000.mmc")); // -EINVAL from the NULL-ops fwspec: no IOMMU at all

        BootResult fixed = boot(S + "s09-one-device-two-iommus.dts", 1);
        assertTrue(device(fixed, "2000.mmc").boundMicros() > device(fixed, "4000.iommu").boundMicros());
        assertEquals(0, group(fixed, "2000.mmc"));
        assertEquals(List.of(0x10L, 0x11L), fixed.iommu().fwspec(device(fixed, "2000.mmc")).ids());
    }

    @Test
    void s10DisabledIommuMeansNoIommu() {
        for (int run = 0; run < 2; run++) {
            BootResult r = boot(S + "s10-iommu-disabled.dts", run);
            assertStates(r, "2000.mmc=bound");
            assertBoundAtOnce(r, "2000.mmc");
            assertTrue(device(r, "2000.mmc").supplierLinks().stream().noneMatch(l -> l.property().equals("iommus")));
        }
    }

    @Test
    void s11IommuCellsMismatch() {
        BootResult r = boot(S + "s11-iommu-cells-mismatch.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound", "4000.iommu=bound", "5000.iommu=bound",
                "6000.mmc=bound", "7000.mmc=bound");
        assertLogOrder(r, "OF: /soc/mmc@2000: could not get #iommu-cells for /soc/iommu@1000",
                "OF: /soc/mmc@6000: #iommu-cells = 2 found 1",
                "OF: /soc/mmc@7000: could not find phandle 16");
        assertEquals(-1, group(r, "2000.mmc"));
        assertEquals(-1, group(r, "6000.mmc"));
        assertEquals(0, group(r, "7000.mmc"));
        assertEquals(List.of(0L), r.iommu().fwspec(device(r, "7000.mmc")).ids());
    }

    @Test
    void s12PciIommuMapWithMask() {
        BootResult r = boot(S + "s12-pci-iommu-map.dts", 0);
        assertStates(r, "9050000.iommu=bound", "40000000.pcie=bound", "0000:00:00.0=bound", "0000:01:00.0=bound");
        assertEquals(List.of(0x10000L), r.iommu().fwspec(device(r, "0000:00:00.0")).ids());
        assertEquals(List.of(0x10000L), r.iommu().fwspec(device(r, "0000:01:00.0")).ids());
        assertEquals(0, group(r, "0000:00:00.0"));
        assertEquals(0, group(r, "0000:01:00.0"));
        assertLogOrder(r, "pcieport 0000:00:00.0: Adding to iommu group 0", "mlx5_core 0000:01:00.0: Adding to iommu group 0");

        BootResult listed = boot(S + "s12-pci-iommu-map.dts", 1); // plus --pci 01:00.1 behind the port
        assertStates(listed, "9050000.iommu=bound", "40000000.pcie=bound", "0000:00:00.0=bound",
                "0000:01:00.0=bound", "0000:01:00.1=bound");
        assertEquals(List.of(0x10001L), listed.iommu().fwspec(device(listed, "0000:01:00.1")).ids());
        assertEquals(0, group(listed, "0000:01:00.1"));
    }

    @Test
    void s13EndpointBeforePortSplitsGroups() {
        String seed = SEEDS + "pci-endpoint-before-bridge.dts";
        BootResult r = boot(seed, 0);
        assertStates(r, "9050000.iommu=bound", "4010000000.pcie=bound", "0000:00:00.0=bound", "0000:01:00.0=bound");
        assertLogOrder(r, "mlx5_core 0000:01:00.0: Adding to iommu group 0", "pcieport 0000:00:00.0: Adding to iommu group 1");

        BootResult e6 = boot(seed, 1);
        assertLogOrder(e6, "0000:00:00.0: Adding to iommu group 0", "0000:01:00.0: Adding to iommu group 0");
        assertEquals(group(e6, "0000:00:00.0"), group(e6, "0000:01:00.0"));
    }

    @Test
    void s14DmaOwnershipConflict() {
        BootResult r = boot(SEEDS + "dma-ownership-shared-group.dts", 0);
        assertStates(r, "e67b0000.iommu=bound", "e7740000.iommu=bound", "ee100000.mmc=bound", "ee140000.mmc=failed");
        assertEquals("vfio-platform", device(r, "ee100000.mmc").driver().name());
        assertEquals(-16, device(r, "ee140000.mmc").failErrno());
        assertNoLog(r, "probe of ee140000.mmc failed"); // -EBUSY from ownership has no log line
        assertEquals("vfio-platform", r.iommu().group(device(r, "ee100000.mmc")).owner());
        assertEquals(0, group(r, "ee140000.mmc")); // grouped by ipmmu before ownership refused it
    }

    @Test
    void s15DependencyCycle() {
        BootResult r = boot(S + "s15-dependency-cycle.dts", 0);
        assertStates(r, "a000.clock-controller=bound", "b000.clock-controller=bound");
        // v6.6 fw_devlink_create_devlink runs the cycle check before looking up the supplier's
        // device: the first consumer added (a, with b not yet a device) finds the loop through
        // b's fwnode links and prints; b's link comes already flagged as a cycle
        assertLogOrder(r, "a000.clock-controller: Fixed dependency cycle(s) with /soc/clock-controller@b000");
        assertNoLog(r, "b000.clock-controller: Fixed dependency cycle");

        BootResult old = boot(S + "s15-dependency-cycle.dts", 1);
        assertStates(old, "a000.clock-controller=bound", "b000.clock-controller=bound");
        assertNoLog(old, "Fixed dependency cycle");
    }

    @Test
    void s16XenGrantWithoutStubWaitsForTimeout() {
        String seed = SEEDS + "xen-grant-dma.dts";
        BootResult e5 = boot(seed, 1);
        assertStates(e5, "xen-grant-dma=no-driver", "2000000.virtio=bound");
        assertBoundAtTimeout(e5, "2000000.virtio", 10);
        assertLogOrder(e5, "virtio-mmio 2000000.virtio: deferred probe timeout, ignoring dependency");
        assertEquals(DmaOps.XEN_GRANT, device(e5, "2000000.virtio").dmaOps());
        assertEquals(1, device(e5, "2000000.virtio").xenBackendDomid());

        BootResult e4 = boot(seed, 2);
        assertBoundAtLateInitcall(e4, "2000000.virtio");
        assertLogOrder(e4, "virtio-mmio 2000000.virtio: deferred probe timeout, ignoring dependency");
    }

    @Test
    void s17XenGrantWithStubBindsAtOnce() {
        BootResult r = boot(SEEDS + "xen-grant-dma.dts", 0);
        assertStates(r, "xen-grant-dma=bound", "2000000.virtio=bound");
        assertBoundAtOnce(r, "2000000.virtio");
        assertEquals(-1, group(r, "2000000.virtio"));
        assertEquals(DmaOps.XEN_GRANT, device(r, "2000000.virtio").dmaOps());
        assertNoLog(r, "ignoring dependency");
    }

    @Test
    void s18IpmmuSharesOneGroupPerInstance() {
        BootResult r = boot(S + "s18-ipmmu-shared-domain.dts", 0);
        assertStates(r, "e7740000.iommu=bound", "e67b0000.iommu=bound", "ee100000.mmc=bound", "ee120000.mmc=bound",
                "e6800000.ethernet=bound");
        assertEquals("waiting for IPMMU root /soc/iommu@e67b0000", device(r, "e7740000.iommu").firstDeferReason());
        assertEquals(0, group(r, "ee100000.mmc"));
        assertEquals(0, group(r, "ee120000.mmc"));
        assertEquals(-1, group(r, "e6800000.ethernet")); // not in the allow-list
        assertEquals(2, r.iommu().groups().get(0).devices().size());
        assertEquals(-22, r.iommu().attachDevice(device(r, "ee100000.mmc"))); // group of two
    }

    @Test
    void s19IommuModuleAfterTimeout() {
        BootResult r = boot(S + "s19-iommu-module-after-timeout.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound");
        assertBoundAtTimeout(r, "2000.mmc", 10);
        assertTrue(device(r, "1000.iommu").boundMicros() >= 12_000_000);
        assertEquals(-1, group(r, "2000.mmc")); // not reconfigured after the SMMU appears
        assertLogOrder(r, "2000.mmc: deferred probe timeout, ignoring dependency", "user space loads module arm-smmu");
    }

    @Test
    void s20StrictLinkRelaxedAtTimeout() {
        BootResult r = boot(S + "s20-strict-iommu-driver-missing.dts", 0);
        assertStates(r, "1000.iommu=no-driver", "2000.mmc=bound");
        assertEquals("platform: supplier 1000.iommu not ready", device(r, "2000.mmc").firstDeferReason());
        assertBoundAtTimeout(r, "2000.mmc", 10);
        assertLogOrder(r, "2000.mmc: deferred probe timeout, ignoring dependency");
        assertTrue(device(r, "2000.mmc").supplierLinks().stream()
                .anyMatch(l -> l.property().equals("iommus") && l.isRelaxed()));
    }

    @Test
    void s21NoModules() {
        BootResult r = boot(S + "s21-no-modules.dts", 0);
        assertStates(r, "1000.iommu=no-driver", "2000.mmc=bound");
        assertBoundAtLateInitcall(r, "2000.mmc");
        assertLogOrder(r, "2000.mmc: ignoring dependency for device, assuming no driver");
        assertNoLog(r, "deferred probe pending");
        assertEquals(-1, r.timeoutFiredMicros());
    }

    @Test
    void s22TimeoutDisabled() {
        BootResult r = boot(S + "s22-timeout-disabled.dts", 0);
        assertStates(r, "1000.iommu=no-driver", "2000.mmc=deferred");
        assertNull(device(r, "2000.mmc").deferReason()); // the of_iommu path sets no reason
        assertNoLog(r, "deferred probe pending");
        assertEquals(-1, r.timeoutFiredMicros());
    }

    @Test
    void s23ConsumerDefersAfterDmaSetup() {
        BootResult r = boot(S + "s23-consumer-defers-after-dma-setup.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound", "3000.clock-controller=bound");
        assertBoundAtLateInitcall(r, "2000.mmc");
        assertTrue(device(r, "2000.mmc").firstDeferReason().startsWith("sdhci-foo: "));
        assertEquals(0, group(r, "2000.mmc"));
        assertEquals(1, r.log().stream().filter(l -> l.message().startsWith("Adding to iommu group")).count());
    }

    @Test
    void s24FslMcObjectsShareTheirContainersGroup() {
        BootResult r = boot(S + "s24-fsl-mc-containers.dts", 0);
        assertStates(r, "5000000.iommu=bound", "80c000000.fsl-mc=bound", "dprc.1=bound", "dpni.0=bound",
                "dpio.0=bound", "dpbp.0=bound");
        assertEquals(0, group(r, "dprc.1"));
        assertEquals(0, group(r, "dpni.0"));
        assertEquals(0, group(r, "dpio.0"));
        assertEquals(List.of(0x18L), r.iommu().fwspec(device(r, "dpio.0")).ids());
        assertEquals(-1, group(r, "dpbp.0"));
        assertLogOrder(r, "OF: /soc/fsl-mc@80c000000: no iommu-map translation for id 0x40 on (null)",
                "fsl_mc_dprc dprc.1: Adding to iommu group 0");
    }

    @Test
    void s25IommuRejectsDeviceInProbeDevice() {
        BootResult r = boot(S + "s25-iommu-rejects-device.dts", 0);
        assertStates(r, "1000.iommu=bound", "2000.mmc=bound");
        assertBoundAtOnce(r, "2000.mmc");
        assertEquals(-1, group(r, "2000.mmc"));
        assertLogOrder(r, "arm-smmu 1000.iommu: stream ID 0x12345 out of range for SMMU (0xffff)");
    }
}
