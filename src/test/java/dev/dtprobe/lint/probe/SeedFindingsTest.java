package dev.dtprobe.lint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every probe rule over the seed samples, booted as each sample's "Run:" lines say (kernel,
 * arch, seed-drivers.yaml, driver_override, faults). Each run must report exactly the findings
 * its seed thread is about, at the node (and property) that explains them, and nothing else.
 */
class SeedFindingsTest {
    private static final String SEEDS = "samples/seeds/";

    /** {@code "rule-id /path[:prop]"} of each finding (the messages are checked by ProbeRulesTest). */
    private static List<String> where(ProbeLint run) {
        return run.lines().stream().map(l -> l.substring(0, l.indexOf(": "))).collect(Collectors.toList());
    }

    private static String only(ProbeLint run, String ruleId) {
        List<String> lines = run.lines().stream().filter(l -> l.startsWith(ruleId + " ")).toList();
        assertEquals(1, lines.size(), () -> String.join("\n", lines));
        return lines.get(0);
    }

    @Test
    void xenGrantDma() {
        List<ProbeLint> runs = SeedRuns.of(SEEDS + "xen-grant-dma.dts");
        // Run 1, v6.1 as is: the stub IOMMU driver (Oleksandr Tyshchenko, "xen/grant-dma-iommu:
        // Introduce stub IOMMU driver", v5.19) registers the node without of_xlate, virtio-mmio binds
        // at once with grant DMA ops: nothing to report.
        assertEquals(List.of(), where(runs.get(0)));
        // Run 2, v6.1 with CONFIG_XEN_GRANT_DMA_IOMMU missing: the situation the stub was written for.
        // of_iommu takes xen,grant-dma for an IOMMU not registered yet; virtio-mmio defers until the
        // 10 s timeout ("deferred probe timeout, ignoring dependency"), then binds with grant ops.
        assertEquals(List.of("bound-after-timeout /virtio@2000000:iommus", "xen-grant-dma-no-driver /xen-grant-dma"),
                where(runs.get(1)));
        assertTrue(only(runs.get(1), "bound-after-timeout").contains("uses Xen grant DMA ops (backend domain 1)"));
        // Run 3, v5.18: Oleksandr's prototype log, "virtio-mmio 2000000.virtio: deferred probe timeout,
        // ignoring dependency" at late_initcall (timeout 0 in v5.8-v5.19); no grant ops before v5.19.
        assertEquals(List.of("bound-after-timeout /virtio@2000000:iommus", "xen-grant-dma-no-driver /xen-grant-dma"),
                where(runs.get(2)));
        assertTrue(only(runs.get(2), "bound-after-timeout").contains("late_initcall gives up waiting"));
        assertTrue(only(runs.get(2), "xen-grant-dma-no-driver").contains("does not exist in v5.18 (added in v5.19)"));
    }

    @Test
    void iommuProbedAfterClients() {
        List<ProbeLint> runs = SeedRuns.of(SEEDS + "iommu-probed-after-clients.dts");
        // Run 1, v4.9 (Thierry Reding's 2014 registry RFC; Will Deacon's v3.19 of_iommu_configure at
        // device creation): the display controller's driver (subsys level) binds before arm-smmu
        // registers and keeps working without the IOMMU for good.
        assertEquals(List.of("bound-without-iommu /soc/display@5000:iommus"), where(runs.get(0)));
        assertTrue(only(runs.get(0), "bound-without-iommu").contains("before v4.12"));
        // Run 2, v6.6: the display defers, the SMMU binds, late_initcall retries it into a group.
        assertEquals(List.of(), where(runs.get(1)));
    }

    @Test
    void dmaOwnershipSharedGroup() {
        // Lu Baolu and Jason Gunthorpe's DMA-ownership series (v5.19): VFIO owns the IPMMU instance's
        // group through ee100000.mmc; when the SDHI module loads, ee140000.mmc's dma_configure gets
        // -EBUSY from iommu_device_use_default_domain() with no log line and stays unbound.
        List<ProbeLint> runs = SeedRuns.of(SEEDS + "dma-ownership-shared-group.dts");
        assertEquals(List.of("never-binds /soc/mmc@ee140000", "dma-ownership-conflict /soc/mmc@ee140000:iommus"),
                where(runs.get(0)));
        assertTrue(only(runs.get(0), "never-binds").contains("refused with -EBUSY"));
    }

    @Test
    void pciEndpointBeforeBridge() {
        List<ProbeLint> runs = SeedRuns.of(SEEDS + "pci-endpoint-before-bridge.dts");
        // Run 1, v6.6 ("arm64 iommu groups issue", John Garry and Robin Murphy, 2020): the NIC is
        // grouped at its driver's probe before the deferred root port, so they get groups 0 and 1.
        assertEquals(List.of("pci-split-iommu-group /pcie@10000000/pcie@0,0/ethernet@0,0"), where(runs.get(0)));
        // Run 2, v6.15 (bcb81ac6ae3c): grouping at IOMMU registration keeps port and NIC together.
        assertEquals(List.of(), where(runs.get(1)));
    }

    @Test
    void staleDmaOpsAfterDefer() {
        List<ProbeLint> runs = SeedRuns.of(SEEDS + "stale-dma-ops-after-defer.dts");
        // Run 1, ARM32 v4.11 (Sricharan R, Laurent Pinchart, Robin Murphy, 2017: 7b07cbefb68d and the
        // ARM dma-mapping reset): the SD host defers for its clock after its IOMMU DMA setup and its
        // retry keeps the stale IOMMU ops.
        assertEquals(List.of("stale-dma-ops /soc/mmc@2000:iommus"), where(runs.get(0)));
        // Run 2, v4.14: teardown resets the ops; the retry configures DMA afresh.
        assertEquals(List.of(), where(runs.get(1)));
    }
}
