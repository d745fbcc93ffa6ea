package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.iommu.IommuInstance;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/**
 * A device bound without the IOMMU it names although that IOMMU did register: it was too early
 * (before v4.12 no probe deferral waited for IOMMUs), or the IOMMU driver rejected it.
 */
public final class BoundWithoutIommu extends DeviceRule {
    static final RuleInfo INFO = RuleInfo.builder("bound-without-iommu", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a device binds without the IOMMU it names, although that IOMMU registers")
            .description("""
                    Reports a device that names an IOMMU (iommus) which does register during the boot,
                    yet ends bound with no IOMMU group, so its DMA bypasses translation. Causes the
                    boot emulation knows: before v4.12 the IOMMU was set up when the device was
                    created and nothing deferred for a late IOMMU (an IOMMU driver probing after its
                    clients leaves them untranslated for good); the IOMMU driver rejected the device
                    (of_xlate: the IPMMU allow-list; probe_device: a stream ID out of range); up to
                    v6.10 a second iommus entry on a not-yet-registered IOMMU dropped the whole
                    fwspec (-EINVAL). Devices that gave up waiting at the deferred-probe timeout are
                    reported by bound-after-timeout instead.""")
            .example("""
                    / {
                        soc {
                            compatible = "simple-bus";
                            #address-cells = <1>;
                            #size-cells = <1>;
                            ranges;
                            ipmmu: iommu@e7740000 {
                                compatible = "renesas,ipmmu-r8a7795";
                                reg = <0xe7740000 0x1000>;
                                #iommu-cells = <1>;
                            };
                            usb@ee080000 {   /* not in ipmmu-vmsa's allow-list */
                                compatible = "acme,usb";
                                reg = <0xee080000 0x100>;
                                iommus = <&ipmmu 5>;
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
        if (node.property("iommus") == null || d.state() != DeviceState.BOUND || boot.iommu().group(d) != null) {
            return;
        }
        if (Texts.gaveUpOnIommu(boot, d) != null) {
            return; // it waited until the kernel gave up: bound-after-timeout
        }
        for (IommusEntries.Entry e : IommusEntries.of(ctx.graph(), node)) {
            IommuInstance iommu = boot.iommu().instance(e.target());
            if (iommu == null || !iommu.hasOfXlate() || e.target().property("#iommu-cells") == null) {
                // no #iommu-cells: the reference itself is wrong (iommus-not-an-iommu)
                continue;
            }
            Device iommuDev = boot.device(e.target());
            String when = iommuDev != null && iommuDev.boundMicros() > d.boundMicros()
                    ? " registered at " + Texts.seconds(iommuDev.boundMicros()) + ", after " + d.name() + " bound at "
                            + Texts.seconds(d.boundMicros())
                    : " registered";
            String why = d.iommuNote() == null ? "" : " (" + d.iommuNote() + ")";
            ctx.report(node, "iommus", iommu.driverName() + " IOMMU " + e.target().path() + when + ", but " + d.name()
                    + " bound without it" + why + ": " + Texts.dmaWithoutIommu(d)
                    + (boot.profile().era() == dev.dtprobe.kernel.Era.E0
                            ? "; before v4.12 the IOMMU had to be ready when the device was created" : ""));
            return;
        }
    }
}
