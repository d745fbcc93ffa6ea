package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** 32-bit ARM before v4.12: IOMMU DMA ops survive a deferred probe and point at a released mapping. */
public final class StaleDmaOps extends DeviceRule {
    static final RuleInfo INFO = RuleInfo.builder("stale-dma-ops", RuleLevel.ERROR, RuleCategory.PROBE)
            .summary("a device retries its probe with stale IOMMU DMA ops (32-bit ARM before v4.12)")
            .description("""
                    On 32-bit ARM before v4.12, arch_teardown_dma_ops() did not reset dev->dma_ops
                    after a failed or deferred probe, and arch_setup_dma_ops() refused to override
                    them: a device behind an IOMMU whose driver deferred (say, for a clock) retried
                    with IOMMU ops pointing at a mapping that was already released. Fixed by the 2017
                    IOMMU probe-deferral series (7b07cbefb68d and the ARM dma-mapping changes). The
                    rule fires only when the run simulates such a kernel (--arch arm, kernel < 4.12);
                    make the supplier probe first or use a fixed kernel.""")
            .example("""
                    / {
                        smmu: iommu@1000 { compatible = "arm,mmu-500"; reg = <0x1000 0x1000>; #iommu-cells = <1>; };
                        cru: clock-controller@3000 { compatible = "acme,cru"; reg = <0x3000 0x1000>; #clock-cells = <1>; };
                        mmc@2000 {
                            compatible = "acme,sdhci";   /* defers once for its clock */
                            reg = <0x2000 0x100>;
                            clocks = <&cru 7>;
                            iommus = <&smmu 0x10>;
                        };
                    };
                    /* linted as --arch arm --kernel 4.11 */""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void visitDevice(Node node, Device d, BootResult boot, LintContext ctx) {
        if (d.staleDmaOps()) {
            ctx.report(node, "iommus", "its probe deferred after the IOMMU DMA setup and v" + boot.profile().version()
                    + " on 32-bit ARM keeps dev->dma_ops across the teardown: the retry "
                    + (d.boundMicros() >= 0 ? "bound" : "runs") + " with stale IOMMU ops that point at a released mapping "
                    + "(fixed in v4.12)");
        }
    }
}
