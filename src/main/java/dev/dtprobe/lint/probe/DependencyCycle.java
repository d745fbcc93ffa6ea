package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceLink;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.driver.WhyChain;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suppliers that depend on each other: fw_devlink cycles the kernel relaxes ("Fixed dependency
 * cycle(s)"), and devices whose probes end up waiting on each other for ever.
 */
public final class DependencyCycle extends LintRule {
    static final String CYCLE = "dependency cycle";

    static final RuleInfo INFO = RuleInfo.builder("dependency-cycle", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("devices depend on each other through supplier properties (a fw_devlink cycle)")
            .description("""
                    Reports each loop of supplier dependencies (clocks, power-domains, resets, ...)
                    among devices once, at the first device of the loop in tree order. Loops made
                    only of OF graph links (remote-endpoint, which point both ways by design) are
                    left out unless a device in them never binds. fw_devlink
                    relaxes the links of a loop it detects: v6.3+ logs "Fixed dependency cycle(s)
                    with <node>", v5.13-v6.2 turns the closing link into a sync-state-only link.
                    Neither device then waits for the other, so the probe order is left to chance and
                    the drivers' own -EPROBE_DEFER handling; if both probes need the other's resource
                    they wait for ever, and the rule says which devices never bind. Break the loop
                    (for example with post-init-providers for a dependency only needed after boot).""")
            .example("""
                    / {
                        soc {
                            compatible = "simple-bus";
                            #address-cells = <1>;
                            #size-cells = <1>;
                            ranges;
                            a: clock-controller@a000 {
                                compatible = "acme,cru";
                                reg = <0xa000 0x100>;
                                #clock-cells = <1>;
                                #power-domain-cells = <0>;
                                clocks = <&b 0>;
                            };
                            b: clock-controller@b000 {
                                compatible = "acme,cru";
                                reg = <0xb000 0x100>;
                                #clock-cells = <1>;
                                power-domains = <&a>;
                            };
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(LintContext ctx) {
        if (!ctx.canBoot()) {
            return;
        }
        BootResult boot = ctx.boot();
        Set<Device> reported = new HashSet<>();
        for (List<Device> loop : linkLoops(boot)) {
            reported.addAll(loop);
            if (!onlyGraphLinks(loop) || loop.stream().anyMatch(d -> d.state() != DeviceState.BOUND)) {
                reportLoop(loop, boot, ctx);
            }
        }
        for (Device d : boot.devices()) {
            if (d.node() == null || d.state() != DeviceState.DEFERRED || reported.contains(d)) {
                continue;
            }
            WhyChain why = boot.why(d);
            if (why.rootCause().what().equals(CYCLE)) {
                ctx.report(d.node(), "never binds: its probe waits in a dependency cycle (" + why.oneLine()
                        + "): each device needs a resource the other provides only once bound");
            }
        }
    }

    /** The relaxed-as-cycle links, grouped into loops (each in device-creation order). */
    private static List<List<Device>> linkLoops(BootResult boot) {
        Map<Device, Device> parent = new LinkedHashMap<>();
        for (Device d : boot.devices()) {
            for (DeviceLink l : d.supplierLinks()) {
                if (l.isRelaxed() && CYCLE.equals(l.relaxedWhy()) && l.supplier() != null) {
                    union(parent, d, l.supplier());
                }
            }
        }
        Map<Device, List<Device>> groups = new LinkedHashMap<>();
        for (Device d : parent.keySet()) {
            groups.computeIfAbsent(find(parent, d), k -> new ArrayList<>()).add(d);
        }
        List<List<Device>> out = new ArrayList<>();
        for (List<Device> g : groups.values()) {
            if (g.size() > 1) {
                g.sort(Comparator.comparingInt(Device::index));
                out.add(g);
            }
        }
        return out;
    }

    private void reportLoop(List<Device> loop, BootResult boot, LintContext ctx) {
        Device first = loop.get(0);
        StringBuilder path = new StringBuilder(first.path());
        String firstProperty = null;
        Set<Device> seen = new HashSet<>();
        Device at = first;
        while (seen.add(at)) {
            DeviceLink next = cycleLink(at, loop);
            if (next == null) {
                break;
            }
            if (firstProperty == null) {
                firstProperty = next.property();
            }
            path.append(" -(").append(next.property()).append(")-> ").append(next.supplier().path());
            at = next.supplier();
        }
        String kernel = boot.profile().modernCycleHandling()
                ? "v" + boot.profile().version() + " relaxes these links and logs \"Fixed dependency cycle(s)\""
                : "v" + boot.profile().version() + " relaxes the link that closes the loop to sync-state only (debug \"Relaxing link with ...\")";
        List<String> stuck = new ArrayList<>();
        for (Device d : loop) {
            if (d.state() != DeviceState.BOUND) {
                stuck.add(d.name());
            }
        }
        String outcome = stuck.isEmpty()
                ? "so neither waits for the other and the probe order is left to the drivers' own -EPROBE_DEFER handling"
                : "yet " + String.join(", ", stuck) + " never bind: their probes need each other's resources";
        ctx.report(first.node(), firstProperty, "dependency cycle " + path + ": " + kernel + ", " + outcome);
    }

    /**
     * An OF graph (remote-endpoint) links both ends to each other by design; such loops are
     * expected, and the drivers meet through the component framework.
     */
    private static boolean onlyGraphLinks(List<Device> loop) {
        for (Device d : loop) {
            for (DeviceLink l : d.supplierLinks()) {
                if (l.isRelaxed() && CYCLE.equals(l.relaxedWhy()) && loop.contains(l.supplier())
                        && !"remote-endpoint".equals(l.property())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static DeviceLink cycleLink(Device d, List<Device> loop) {
        for (DeviceLink l : d.supplierLinks()) {
            if (l.isRelaxed() && CYCLE.equals(l.relaxedWhy()) && loop.contains(l.supplier())) {
                return l;
            }
        }
        return null;
    }

    private static void union(Map<Device, Device> parent, Device a, Device b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        parent.put(find(parent, a), find(parent, b));
    }

    private static Device find(Map<Device, Device> parent, Device d) {
        Device p = parent.get(d);
        while (p != d) {
            d = p;
            p = parent.get(d);
        }
        return d;
    }
}
