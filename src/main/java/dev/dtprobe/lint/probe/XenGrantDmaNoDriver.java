package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.List;

/** A {@code xen,grant-dma} node that no driver registers: its virtio consumers wait for the timeout. */
public final class XenGrantDmaNoDriver extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("xen-grant-dma-no-driver", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a xen,grant-dma node has no driver in the selected kernel and catalog, so its consumers wait for the timeout")
            .description("""
                    Xen guests describe grant-table DMA as an IOMMU: iommus = <&xen_grant_dma DOMID>.
                    Without a driver that registers the xen,grant-dma node (the stub
                    xen-grant-dma-iommu driver of v5.19, CONFIG_XEN_GRANT_DMA_IOMMU), of_iommu takes
                    it for an IOMMU that has not registered yet: every virtio device naming it defers
                    until the deferred-probe timeout ("deferred probe timeout, ignoring dependency"),
                    at late_initcall on v5.8-v5.19, 10 s later on v6.x, never with
                    deferred_probe_timeout=-1. Before v5.19 the device then has no grant DMA ops at
                    all. Build the stub driver (or use a kernel that has it); marking the node
                    disabled is not a fix, as it means no grants are used (Stefano Stabellini's
                    objection in the 2022 thread).""")
            .example("""
                    / {
                        xen_grant_dma: xen-grant-dma {
                            compatible = "xen,grant-dma";
                            #iommu-cells = <1>;
                        };
                        virtio@2000000 {
                            compatible = "virtio,mmio";
                            reg = <0x0 0x2000000 0x0 0x200>;
                            iommus = <&xen_grant_dma 1>;   /* backend in domain 1 */
                        };
                    };
                    /* linted with a v5.18 kernel, or CONFIG_XEN_GRANT_DMA_IOMMU=n */""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!ctx.canBoot() || !IommuTargets.isXenGrantDma(node) || !DeviceGraph.isAvailable(node)) {
            return;
        }
        BootResult boot = ctx.boot();
        if (boot.iommu().isRegistered(node)) {
            return;
        }
        Device self = boot.device(node);
        String why = self == null ? "no device is created for it" : boot.why(self).rootCause().what();
        StringBuilder msg = new StringBuilder("no driver registers this grant-DMA IOMMU in v")
                .append(boot.profile().version()).append(" (").append(why).append("): of_iommu takes it for an IOMMU "
                        + "that has not registered yet");
        List<String> fates = new ArrayList<>();
        for (Device d : consumers(boot, node, ctx)) {
            fates.add(fate(boot, d));
        }
        if (!fates.isEmpty()) {
            msg.append(", so ").append(String.join("; ", fates));
        }
        msg.append(". The stub driver xen-grant-dma-iommu (v5.19+, CONFIG_XEN_GRANT_DMA_IOMMU) lets them bind at once "
                + "with grant DMA ops");
        ctx.report(node, msg.toString());
    }

    private static List<Device> consumers(BootResult boot, Node xen, LintContext ctx) {
        List<Device> out = new ArrayList<>();
        for (Device d : boot.devices()) {
            if (d.node() == null) {
                continue;
            }
            for (IommusEntries.Entry e : IommusEntries.of(ctx.graph(), d.node())) {
                if (e.target() == xen) {
                    out.add(d);
                    break;
                }
            }
        }
        return out;
    }

    private static String fate(BootResult boot, Device d) {
        if (d.state() != DeviceState.BOUND) {
            return d.name() + " never binds (" + boot.why(d).rootCause().what() + ")";
        }
        if (d.deferCount() == 0) {
            return d.name() + " binds at once without it, and " + Texts.dmaWithoutIommu(d);
        }
        return d.name() + " defers until the deferred-probe timeout gives up on it (bound at "
                + Texts.seconds(d.boundMicros()) + ", late_initcall at " + Texts.seconds(boot.lateInitcallMicros())
                + "), and " + Texts.dmaWithoutIommu(d);
    }
}
