package dev.dtprobe.lint.probe;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.tree.Node;

/** {@code iommus} names a disabled node: the device gets no IOMMU, silently. */
public final class IommusDisabledTarget extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("iommus-disabled-target", RuleLevel.INFO, RuleCategory.PROBE)
            .summary("iommus points at a disabled IOMMU node, so the device's DMA is not translated")
            .description("""
                    When the node an enabled device's iommus entry names is disabled, no platform
                    device is created for it and no fw_devlink link is made; of_iommu_xlate treats
                    it as unavailable, so the device binds at once without an IOMMU and its DMA uses
                    physical addresses. The kernel prints nothing above debug level. This is often
                    deliberate (an SoC .dtsi enables the SMMU per board), hence the info level;
                    enable the IOMMU or drop the reference if translation was expected.""")
            .example("""
                    / {
                        smmu: iommu@1000 {
                            compatible = "arm,mmu-500";
                            reg = <0x1000 0x1000>;
                            #iommu-cells = <1>;
                            status = "disabled";
                        };
                        mmc@2000 {
                            compatible = "acme,sdhci";
                            reg = <0x2000 0x100>;
                            iommus = <&smmu 0x10>;
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!DeviceGraph.isAvailable(node)) { // IommusEntries is empty without iommus
            return;
        }
        for (IommusEntries.Entry e : IommusEntries.of(ctx.graph(), node)) {
            if (IommuTargets.isDisabled(e.target())) {
                ctx.report(node, "iommus", "entry " + e.index() + " names " + e.target().path()
                        + ", which is disabled" + IommuTargets.statusText(e.target())
                        + ": of_iommu treats it as unavailable, so the device binds without an IOMMU and "
                        + "its DMA bypasses translation");
            }
        }
    }
}
