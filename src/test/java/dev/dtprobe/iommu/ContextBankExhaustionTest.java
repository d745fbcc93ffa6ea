package dev.dtprobe.iommu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.kernel.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An MMU-500 whose DT lists one context interrupt has one context bank (arm-smmu will not probe
 * with more banks than context IRQs). Two masters in separate groups each need a bank for their
 * default DMA domain: the second attach fails with -ENOSPC, iommu_probe_device takes the device
 * out of its new group again, and of_iommu_configure leaves it without an IOMMU.
 */
class ContextBankExhaustionTest {
    private static final String DTS = """
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                gic: interrupt-controller@100 {
                    compatible = "arm,gic-400"; reg = <0x100 0x100>;
                    interrupt-controller; #interrupt-cells = <3>;
                };
                smmu: iommu@1000 {
                    compatible = "arm,mmu-500"; reg = <0x1000 0x10000>; #iommu-cells = <1>;
                    interrupt-parent = <&gic>; #global-interrupts = <1>;
                    interrupts = <0 20 4>, <0 21 4>;
                };
                dma@2000 { compatible = "acme,dma"; reg = <0x2000 0x100>; iommus = <&smmu 0x10>; };
                dma@3000 { compatible = "acme,dma"; reg = <0x3000 0x100>; iommus = <&smmu 0x20>; };
            };
            """;

    private static BootResult boot() {
        var tree = new TreeLoader(LoadOptions.defaults()).loadDts("banks.dts", DTS).tree();
        return new BootSimulation(KernelProfile.forVersion(KernelVersion.parse("6.6"), true, KernelProfile.Arch.ARM64),
                DriverCatalog.bundled()).run(tree);
    }

    @Test
    void theSecondGroupFindsNoContextBankAndTheDeviceGoesWithoutIommu() {
        BootResult r = boot();
        Device first = r.find("2000.dma");
        Device second = r.find("3000.dma");
        assertEquals(1, r.iommu().groups().size(), "only the first master keeps a group");
        assertEquals(List.of(first), r.iommu().groups().get(0).devices());
        assertEquals(DmaOps.IOMMU, first.dmaOps());
        assertTrue(second.dmaOps() != DmaOps.IOMMU, "second master: " + second.dmaOps());
        List<String> log = r.log().stream().filter(l -> "3000.dma".equals(l.device())).map(LogLine::message).toList();
        assertTrue(log.contains("Adding to iommu group 1"), log.toString());
        assertTrue(log.contains("Removing from iommu group 1"), log.toString());
    }
}
