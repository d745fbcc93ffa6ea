package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.DeferCause;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.tree.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A device that is still unbound when the simulated boot ends, with the chain that blocks it. */
public final class NeverBinds extends DeviceRule {
    static final RuleInfo INFO = RuleInfo.builder("never-binds", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a device never binds to a driver; the finding names what blocks it")
            .description("""
                    Boots the tree in the simulated driver core and reports every device that is
                    still unbound at the end: deferred for ever (waiting for a supplier that never
                    binds, or for an IOMMU under deferred_probe_timeout=-1), failed (a probe error
                    other than -EPROBE_DEFER: the driver core never retries it), or without a driver
                    (not built, a module never loaded, or missing from the simulated kernel).
                    Chains that end in a gap of the driver catalog rather than of the tree (a
                    compatible no catalog driver binds, or a supplier whose parent is populated by a
                    driver the catalog does not model, such as an MFD or firmware interface) are left
                    out; dtprobe why still shows them. The message follows the "why" chain from the device
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
    protected void visitDevice(Node node, Device d, BootResult boot, LintContext ctx) {
        if (d.state() == DeviceState.BOUND || d.isPopulatedBus() || IommuTargets.isXenGrantDma(node)) {
            return;
        }
        if (endsInCatalogGap(boot, d)) {
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

    /**
     * Whether the device's wait ends at something the model cannot know rather than a fault of
     * the tree or the kernel build: a supplier with an unknown driver, or a supplier node that gets
     * no device because its parent is populated by a driver the catalog does not model (an MFD,
     * a firmware interface). {@code dtprobe why} still shows these chains.
     */
    private static boolean endsInCatalogGap(BootResult boot, Device d) {
        Set<Device> seen = new HashSet<>();
        Device cur = d;
        while (cur.state() == DeviceState.DEFERRED && cur.lastCause() != null && cur.lastCause().supplier() != null
                && seen.add(cur)) {
            Node supplier = cur.lastCause().supplier();
            Device next = boot.device(supplier);
            if (next == null) {
                return DeviceGraph.isAvailable(supplier) && supplier.property("compatible") != null
                        && !boot.earlyNodes().contains(supplier);
            }
            cur = next;
        }
        return (cur.state() == DeviceState.CREATED || cur.state() == DeviceState.NO_DRIVER)
                && !notBuiltOrLoaded(boot, cur.node());
    }

    /**
     * Whether the node lacks a driver because the selected kernel does not build or load it: a
     * compatible no catalog driver knows, or one whose driver sits on another bus in the model,
     * is a gap in the catalog, not in the tree.
     */
    private static boolean notBuiltOrLoaded(BootResult boot, Node node) {
        List<String> compatibles = node == null ? List.of() : IommuTargets.compatibles(node);
        if (compatibles.isEmpty()) {
            return false;
        }
        for (CatalogEntry e : boot.catalog().matchingNode(compatibles)) {
            if (!e.isGeneric() && !e.registers()) {
                return true;
            }
        }
        return false;
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
