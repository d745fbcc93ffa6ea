package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/**
 * A PCI function in another IOMMU group than the bridge above it, although the bridge has no
 * ACS: the group was formed before the bridge's (endpoint probed first, up to v6.14).
 */
public final class PciSplitIommuGroup extends DeviceRule {
    static final RuleInfo INFO = RuleInfo.builder("pci-split-iommu-group", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a PCI function and the bridge above it end in different IOMMU groups")
            .description("""
                    Without ACS on the path, a PCI function cannot be isolated from its upstream
                    bridge, so pci_device_group() puts them in one IOMMU group. Up to v6.14 groups
                    form when each device's driver probes (through dma_configure); when the endpoint's
                    driver probes before the port's (the port deferred, or the IOMMU registered in
                    between), the endpoint finds no group on the port and gets its own, and the port
                    gets another one later ("arm64 iommu groups issue", John Garry and Robin Murphy,
                    2020). VFIO then treats them as isolated when they are not. v6.15 groups devices
                    at IOMMU registration in device-add order and keeps them together. dtprobe models
                    bridges without ACS.""")
            .example("""
                    / {
                        smmu: iommu@9050000 { compatible = "arm,smmu-v3"; reg = <0x0 0x9050000 0x0 0x20000>; #iommu-cells = <1>; };
                        pcie@10000000 {
                            compatible = "pci-host-ecam-generic";
                            device_type = "pci";
                            iommu-map = <0x0 &smmu 0x0 0x10000>;
                            pcie@0,0 {                      /* root port, its probe defers */
                                device_type = "pci";
                                reg = <0x0000 0 0 0 0>;
                                ethernet@0,0 { compatible = "pci15b3,1017"; reg = <0x10000 0 0 0 0>; };
                            };
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void visitDevice(Node node, Device d, BootResult boot, LintContext ctx) {
        if (!d.isPci() || d.upstreamBridge() == null) {
            return;
        }
        Device bridge = d.upstreamBridge();
        IommuGroup mine = boot.iommu().group(d);
        IommuGroup theirs = boot.iommu().group(bridge);
        if (mine != null && theirs != null && mine != theirs) {
            ctx.report(node, d.name() + " is in IOMMU group " + mine.id() + " but its upstream bridge " + bridge.name()
                    + " (no ACS) is in group " + theirs.id() + ": the endpoint was grouped before the bridge (groups "
                    + "form at driver probe up to v6.14; this is v" + boot.profile().version() + "), so VFIO would "
                    + "treat devices that can reach each other by DMA as isolated");
        }
    }
}
