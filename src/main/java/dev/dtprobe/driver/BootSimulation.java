package dev.dtprobe.driver;

import dev.dtprobe.driver.catalog.Build;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.iommu.IommuCore;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.kernel.SimClock;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Runs one simulated boot: initcall levels in order (drivers register, devices are populated
 * at arch_initcall_sync), late_initcall's deferred-probe passes, then user space loading modules
 * and the deferred-probe timeout, as timed events in simulated time (§3.3, §1.7, §1.8).
 */
public final class BootSimulation {
    /** Simulated time each initcall level takes, so phase boundaries are visible in the log. */
    static final long LEVEL_COST = 2_000;
    /** When user space starts after late_initcall (module loads cannot come earlier). */
    static final long USERSPACE_DELAY = SimClock.seconds(0.5);
    /** drivers/base's place in the link order (catalog linkOrder = 1000 x directory position). */
    static final int DRIVERS_BASE_LINK_ORDER = 22_000;

    private final KernelProfile profile;
    private final DriverCatalog catalog;
    private final Map<String, String> overrides;
    private List<ExtraDevice> extraDevices = List.of();
    private boolean debugLog;
    private boolean recordEvents = true;

    public BootSimulation(KernelProfile profile, DriverCatalog catalog) {
        this(profile, catalog, Map.of());
    }

    /** @param overrides driver_override settings: device name to driver name */
    public BootSimulation(KernelProfile profile, DriverCatalog catalog, Map<String, String> overrides) {
        this.profile = profile;
        this.catalog = catalog;
        this.overrides = Map.copyOf(overrides);
    }

    /** PCI functions and fsl-mc objects the buses find without a DT node. */
    public BootSimulation withExtraDevices(List<ExtraDevice> devices) {
        this.extraDevices = List.copyOf(devices);
        return this;
    }

    /** Keep dynamic-debug log lines (off by default: they are many on large boards). */
    public BootSimulation withDebugLog(boolean on) {
        this.debugLog = on;
        return this;
    }

    /** Record the per-step event list (on by default; benchmarks turn it off). */
    public BootSimulation withEvents(boolean on) {
        this.recordEvents = on;
        return this;
    }

    public BootResult run(DeviceTree tree) {
        SimClock clock = new SimClock();
        BootLog log = new BootLog(clock, debugLog);
        DeviceGraph graph = new DeviceGraph(tree);
        IommuCore iommu = new IommuCore(profile, graph, log);
        List<CatalogEntry> builtIn = new ArrayList<>();
        List<CatalogEntry> modules = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            if (!DriverHistory.existsIn(e.spec().name(), profile.version())) {
                continue;
            }
            if (e.build() == Build.BUILTIN) {
                builtIn.add(e);
            } else if (e.build() == Build.MODULE) {
                modules.add(e);
            }
        }
        builtIn.addAll(new GenericDrivers(catalog).forTree(tree));
        Set<Node> early = earlyProviders(tree, builtIn);
        Milestones times = new Milestones();
        DriverCore core = new DriverCore(profile, tree, graph, log, clock, iommu, catalog.faults(), early);
        core.setRecordEvents(recordEvents);
        core.setExtraDevices(extraDevices);
        Set<String> iommuCompatibles = new HashSet<>();
        for (CatalogEntry e : builtIn) {
            if (e.spec().iommu() != null) {
                iommuCompatibles.addAll(e.spec().compatibles());
            }
        }
        core.setBuiltinIommuCompatibles(iommuCompatibles);
        overrides.forEach(core::setDriverOverride);

        log.log(LogLevel.INFO, null, null, "Linux version " + profile.version() + " (dtprobe simulation, era "
                + profile.era() + ")");
        for (InitcallLevel level : InitcallLevel.values()) {
            if (level == InitcallLevel.MODULE) {
                continue;
            }
            if (level == InitcallLevel.SUBSYS) {
                core.populate();
                log.log(LogLevel.INFO, "iommu", null, "Default domain type: " + profile.defaultDomainLabel()
                        + (profile.passthroughFromCmdline() ? " (set via kernel command line)" : ""));
                if (!profile.iommuPassthrough()) {
                    log.log(LogLevel.INFO, "iommu", null, "DMA domain TLB invalidation policy: "
                            + (profile.iommuStrict() ? "strict" : "lazy") + " mode"
                            + (profile.strictFromCmdline() ? " (set via kernel command line)" : ""));
                }
            }
            if (level == InitcallLevel.LATE) {
                // deferred_probe_initcall is drivers/base/dd.c's late_initcall: late drivers
                // linked before drivers/base register before it, the others after it
                registerLevel(core, builtIn, level, Long.MIN_VALUE, DRIVERS_BASE_LINK_ORDER);
                times.lateInitcall = clock.now();
                core.lateInitcall();
                registerLevel(core, builtIn, level, DRIVERS_BASE_LINK_ORDER, Long.MAX_VALUE);
                runUserspace(core, clock, log, modules, times);
                break;
            }
            core.phase(level.name().toLowerCase(java.util.Locale.ROOT) + "_initcall");
            registerLevel(core, builtIn, level, Long.MIN_VALUE, Long.MAX_VALUE);
            clock.advance(LEVEL_COST);
        }
        return new BootResult(profile, catalog, tree, core, iommu, log.lines(), times.lateInitcall, times.timeoutFired);
    }

    /** Registers the built-in drivers of one level whose link order is in [from, to), in catalog order. */
    private static void registerLevel(DriverCore core, List<CatalogEntry> builtIn, InitcallLevel level, long from,
            long to) {
        for (CatalogEntry e : builtIn) {
            int order = e.spec().linkOrder();
            if (e.spec().level() == level && !isEarlyOnly(e) && order >= from && order < to) {
                core.registerDriver(e.spec());
            }
        }
    }

    /** The two moments reports place on the timeline. */
    private static final class Milestones {
        long lateInitcall = -1;
        long timeoutFired = -1;
    }

    /** After late_initcall: module loads and the timeout work, in time order. */
    private void runUserspace(DriverCore core, SimClock clock, BootLog log, List<CatalogEntry> modules,
            Milestones times) {
        record Timed(long at, int seq, CatalogEntry module) {
        }
        PriorityQueue<Timed> loads = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Integer.compare(a.seq, b.seq));
        long userspace = clock.now() + USERSPACE_DELAY;
        int seq = 0;
        for (CatalogEntry m : modules) {
            if (m.moduleLoadSeconds() != null) {
                loads.add(new Timed(Math.max(userspace, SimClock.seconds(m.moduleLoadSeconds())), seq++, m));
            }
        }
        long timeoutAt = core.schedulesTimeout() ? clock.now() + SimClock.seconds(core.timeoutSeconds()) : -1;
        while (!loads.isEmpty() || timeoutAt >= 0) {
            Timed next = loads.peek();
            if (next != null && (timeoutAt < 0 || next.at <= timeoutAt)) {
                loads.poll();
                clock.advanceTo(next.at);
                log.log(LogLevel.INFO, "dtprobe", null, "user space loads module " + next.module.spec().name());
                core.registerDriver(next.module.spec());
                if (timeoutAt >= 0 && profile.extendsTimeoutOnRegister()) {
                    timeoutAt = clock.now() + SimClock.seconds(core.timeoutSeconds());
                    log.log(LogLevel.DEBUG, null, null, "Extended deferred probe timeout by " + core.timeoutSeconds() + " secs");
                }
            } else {
                clock.advanceTo(timeoutAt);
                times.timeoutFired = clock.now();
                timeoutAt = -1;
                core.timeoutWork();
            }
        }
    }

    /** Built-in drivers at the PURE level stand for OF_DECLARE providers (irqchips, early clocks, timers). */
    private static boolean isEarlyOnly(CatalogEntry e) {
        return e.spec().level() == InitcallLevel.PURE;
    }

    /**
     * Nodes that OF_DECLARE code (IRQCHIP_DECLARE, CLK_OF_DECLARE, TIMER_OF_DECLARE) sets up
     * before devices exist: they get no platform device (OF_POPULATED) and are ready providers.
     */
    private static Set<Node> earlyProviders(DeviceTree tree, List<CatalogEntry> builtIn) {
        Set<String> compatibles = new HashSet<>();
        for (CatalogEntry e : builtIn) {
            if (isEarlyOnly(e)) {
                compatibles.addAll(e.spec().compatibles());
            }
        }
        Set<Node> out = new HashSet<>();
        tree.forEachLiveNode(n -> {
            if (DeviceGraph.isAvailable(n) && !DevicePopulator.isBusNode(n)
                    && DevicePopulator.compatibles(n).stream().anyMatch(compatibles::contains)) {
                out.add(n);
            }
        });
        return out;
    }
}
