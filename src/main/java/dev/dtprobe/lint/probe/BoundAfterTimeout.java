package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.DeferCause;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceLink;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import java.util.List;

/**
 * A device that binds only because the deferred-probe timeout ended its wait: for an IOMMU
 * (then it binds without one) or for a fw_devlink supplier that never matched a driver.
 */
public final class BoundAfterTimeout extends DeviceRule {
    static final RuleInfo INFO = RuleInfo.builder("bound-after-timeout", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a device binds only after the deferred-probe timeout, often without its IOMMU")
            .description("""
                    Reports devices that bind only because the kernel stopped waiting: when the
                    deferred-probe timeout work runs (10 s after late_initcall on v6.x with modules,
                    later if drivers keep registering), or in late_initcall's second pass on kernels
                    whose timeout is 0 (v5.8-v5.19) or that have no modules. A device waiting for an
                    IOMMU that never registers is then told "deferred probe timeout, ignoring
                    dependency" and binds without the IOMMU: its DMA bypasses translation (or, for
                    xen,grant-dma, uses grant DMA ops only from v5.19). A device whose fw_devlink
                    supplier never matched a driver binds when fw_devlink_drivers_done() relaxes the
                    link. Either way the boot is slow and the result depends on timing; fix the
                    missing driver or the reference.""")
            .example("""
                    / {
                        soc {
                            compatible = "simple-bus";
                            #address-cells = <1>;
                            #size-cells = <1>;
                            ranges;
                            smmu: iommu@1000 {
                                compatible = "acme,unknown-iommu";   /* no driver registers it */
                                reg = <0x1000 0x1000>;
                                #iommu-cells = <1>;
                            };
                            mmc@2000 {
                                compatible = "acme,sdhci";
                                reg = <0x2000 0x100>;
                                iommus = <&smmu 0x10>;
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
        if (d.state() != DeviceState.BOUND || d.deferCount() == 0) {
            return;
        }
        DeferCause cause = d.lastCause();
        String gaveUpLine = Texts.gaveUpOnIommu(boot, d);
        boolean gaveUpIommu = gaveUpLine != null;
        boolean afterTimeout = BootFacts.of(ctx).boundAfterTimeout(d);
        if (!gaveUpIommu && !afterTimeout) {
            return;
        }
        StringBuilder msg = new StringBuilder();
        if (afterTimeout) {
            msg.append("binds only after the deferred-probe timeout fired at ")
                    .append(Texts.seconds(boot.timeoutFiredMicros())).append(" (late_initcall at ")
                    .append(Texts.seconds(boot.lateInitcallMicros())).append(")");
        } else {
            msg.append("binds only when late_initcall gives up waiting (deferred_probe_timeout=")
                    .append(boot.profile().deferredProbeTimeout()).append(boot.profile().modules() ? "" : ", no modules")
                    .append(" in v").append(boot.profile().version()).append(")");
        }
        if (gaveUpIommu) {
            List<IommusEntries.Entry> entries = IommusEntries.of(ctx.graph(), node);
            Node iommu = entries.isEmpty() ? null : entries.get(0).target();
            msg.append(": it waited for IOMMU ").append(iommu == null ? "(its host bridge's iommu-map target)" : iommu.path())
                    .append(", which had not registered (\"").append(gaveUpLine).append("\")");
            msg.append(", and bound without it: ").append(Texts.dmaWithoutIommu(d));
            if (iommu != null && boot.iommu().isRegistered(iommu)) {
                msg.append("; the IOMMU registered later, but the device keeps this DMA setup until it is re-bound");
            }
            ctx.report(node, "iommus", msg.toString());
            return;
        }
        msg.append(": ").append(relaxedWait(d, cause));
        ctx.report(node, cause != null && cause.kind() != DeferCause.Kind.IOMMU ? cause.detail() : null, msg.toString());
    }

    private static String relaxedWait(Device d, DeferCause cause) {
        for (DeviceLink l : d.supplierLinks()) {
            if (l.isRelaxed() && "supplier never matched a driver".equals(l.relaxedWhy())) {
                return "fw_devlink made it wait for supplier " + l.supplierNode().path() + " (" + l.property()
                        + ") until fw_devlink_drivers_done() relaxed the link: the supplier never matched a driver";
            }
        }
        return cause == null ? "it deferred until then" : "it last waited for "
                + (cause.supplier() == null ? cause.kind().toString().toLowerCase(java.util.Locale.ROOT)
                        : cause.supplier().path() + (cause.detail() == null ? "" : " (" + cause.detail() + ")"));
    }
}
