package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.DeferCause;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** A device that is still unbound when the simulated boot ends, with the chain that blocks it. */
public final class NeverBinds extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("never-binds", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a device never binds to a driver; the finding names what blocks it")
            .description("""
                    Boots the tree in the simulated driver core and reports every device that is
                    still unbound at the end: deferred for ever (waiting for a supplier that never
                    binds, or for an IOMMU under deferred_probe_timeout=-1), failed (a probe error
                    other than -EPROBE_DEFER: the driver core never retries it), or without a driver
                    in the selected catalog. The message follows the "why" chain from the device
                    through the suppliers it waits for to the root cause, and gives the line
                    /sys/kernel/debug/devices_deferred would show. xen,grant-dma nodes are left to
                    xen-grant-dma-no-driver.""")
            .example("""
                    / {
                        soc {
                            compatible = "simple-bus";
                            #address-cells = <1>;
                            #size-cells = <1>;
                            ranges;
                            cru: clock-controller@3000 {
                                compatible = "acme,cru";
                                reg = <0x3000 0x100>;
                                #clock-cells = <1>;
                                status = "disabled";
                            };
                            mmc@2000 {
                                compatible = "acme,sdhci";
                                reg = <0x2000 0x100>;
                                clocks = <&cru 7>;   /* the clock provider is disabled */
                            };
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!ctx.canBoot()) {
            return;
        }
        BootResult boot = ctx.boot();
        Device d = boot.device(node);
        if (d == null || d.state() == DeviceState.BOUND || d.isPopulatedBus() || IommuTargets.isXenGrantDma(node)) {
            return;
        }
        String why = boot.why(d).oneLine();
        switch (d.state()) {
            case DEFERRED -> {
                String pending = d.deferReason();
                ctx.report(node, blockingProperty(d), "never binds: still deferred at the end of boot: " + why
                        + (boot.stillDeferred(d) && pending != null ? " (devices_deferred reason \"" + pending + "\")" : ""));
            }
            case FAILED -> ctx.report(node, "never binds: " + why
                    + " (a probe error other than -EPROBE_DEFER is never retried)");
            default -> ctx.report(node, "never binds: " + why);
        }
    }

    /** The property whose supplier the device waits for, when the cause names one. */
    private static String blockingProperty(Device d) {
        DeferCause c = d.lastCause();
        if (c == null) {
            return null;
        }
        return switch (c.kind()) {
            case SUPPLIER_LINK, RESOURCE -> c.detail();
            case IOMMU -> d.node().property("iommus") != null ? "iommus" : null;
            default -> null;
        };
    }
}
