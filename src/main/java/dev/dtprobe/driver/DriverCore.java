package dev.dtprobe.driver;

import dev.dtprobe.driver.catalog.ProbeFault;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.iommu.IommuCore;
import dev.dtprobe.iommu.IommuInstance;
import dev.dtprobe.iommu.IommuKind;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.kernel.SimClock;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver core of {@code drivers/base/dd.c} and friends (§1–§4): devices are added and
 * matched against registered drivers, {@code really_probe} runs supplier checks, DMA
 * configuration and the driver's probe in the kernel's order, deferred devices wait on the
 * pending list until a trigger, and the deferred-probe timeout ends the waits it may end.
 */
public final class DriverCore {
    /** Simulated cost of one probe attempt and of a successful bind, in microseconds. */
    static final long PROBE_COST = 150;
    static final long BIND_COST = 350;
    static final long REGISTER_COST = 20;

    private final KernelProfile profile;
    private final DeviceTree tree;
    private final DeviceGraph graph;
    private final BootLog log;
    private final SimClock clock;
    private final IommuCore iommu;
    private final Map<String, ProbeFault> faults;
    private final Set<Node> earlyNodes;
    private final List<BootEvent> events = new ArrayList<>();

    private final List<Device> devices = new ArrayList<>();
    private final Map<Node, Device> deviceOf = new HashMap<>();
    /** Devices by each of their compatibles, so a registering driver visits only its candidates. */
    private final Map<String, List<Device>> devicesByCompatible = new HashMap<>();
    /** driver_override: device name to the only driver allowed to bind it. */
    private final Map<String, String> overrides = new HashMap<>();
    private final Map<String, Device> byName = new HashMap<>();
    private final List<DriverSpec> registered = new ArrayList<>();
    private final Map<String, List<DriverSpec>> registeredByCompatible = new HashMap<>();
    private final Map<String, Integer> registrationIndex = new HashMap<>();
    private final Map<Device, Integer> injectedDefersLeft = new HashMap<>();
    private final DeferredLists deferred = new DeferredLists();
    private final FwDevlink fwDevlink;
    private final ResourceLookup resources;
    private final DevicePopulator populator;

    private final DeferredProbeCheck check;
    private final DmaSetup dma;
    private final BusEnumerator buses;
    private boolean probeEnabled;
    private int triggerCount;
    private boolean flushing;

    public DriverCore(KernelProfile profile, DeviceTree tree, DeviceGraph graph, BootLog log, SimClock clock,
            IommuCore iommu, Map<String, ProbeFault> faults, Set<Node> earlyNodes) {
        this.profile = profile;
        this.tree = tree;
        this.graph = graph;
        this.log = log;
        this.clock = clock;
        this.iommu = iommu;
        this.faults = faults;
        this.earlyNodes = earlyNodes;
        this.check = new DeferredProbeCheck(profile, log);
        this.dma = new DmaSetup(profile, graph, iommu, log, check);
        this.buses = new BusEnumerator(new BusEnumerator.Devices() {
            @Override
            public Device add(String name, Node node, BusType bus, Device parent, int rid, Node idMapNode,
                    Device upstream, java.util.function.Consumer<Device> setup) {
                return addDevice(name, node, bus, parent, rid, idMapNode, upstream, setup);
            }

            @Override
            public Device find(String name) {
                return byName.get(name);
            }
        });
        this.fwDevlink = new FwDevlink(profile, graph, log, earlyNodes::contains, deviceOf);
        this.resources = new ResourceLookup(graph, deviceOf, earlyNodes::contains);
        this.populator = new DevicePopulator(this::addDevice, earlyNodes, new BusNumbers(tree), log);
    }

    // ------------------------------------------------------------------ boot phases

    /** {@code of_platform_default_populate_init} at arch_initcall_sync. */
    public void populate() {
        event(BootEvent.Kind.PHASE, null, null, "arch_initcall_sync: populate devices");
        populator.populateRoot(tree);
    }

    /** {@code driver_register}: attach to every matching unbound device, in creation order. */
    public void registerDriver(DriverSpec drv) {
        clock.advance(REGISTER_COST);
        registrationIndex.put(drv.name(), registered.size());
        registered.add(drv);
        for (String c : drv.compatibles()) {
            registeredByCompatible.computeIfAbsent(c, k -> new ArrayList<>()).add(drv);
        }
        event(BootEvent.Kind.DRIVER_REGISTERED, null, drv.name(), drv.level().name().toLowerCase(java.util.Locale.ROOT));
        for (Device dev : attachCandidates(drv)) {
            if (dev.state != DeviceState.BOUND && dev.bus() == drv.bus() && matches(dev, drv)) {
                driverProbeDevice(dev, drv);
            }
        }
        flushIfEnabled();
    }

    /** The devices a new driver may match, in creation order (the bus's device list). */
    private List<Device> attachCandidates(DriverSpec drv) {
        if (drv.bus() == BusType.PCI || overrides.containsValue(drv.name())) {
            return List.copyOf(devices);
        }
        Set<Device> found = new HashSet<>();
        for (String c : drv.compatibles()) {
            found.addAll(devicesByCompatible.getOrDefault(c, List.of()));
        }
        List<Device> out = new ArrayList<>(found);
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    /** {@code driver_override}: only the named driver may bind this device (VFIO and friends). */
    public void setDriverOverride(String deviceName, String driverName) {
        overrides.put(deviceName, driverName);
    }

    /** {@code deferred_probe_initcall} at late_initcall (§1.7). */
    public void lateInitcall() {
        event(BootEvent.Kind.PHASE, null, null, "late_initcall: deferred_probe_initcall");
        probeEnabled = true;
        trigger();
        flush();
        check.setInitcallsDone();
        if (!profile.modules() && profile.hasFwDevlinkDriversDone()) {
            fwDevlink.driversDone(devices);
        }
        trigger();
        flush();
    }

    /** IOMMU drivers built in (for E1's IOMMU_OF_DECLARE check), even before they register. */
    public void setBuiltinIommuCompatibles(Set<String> compatibles) {
        check.setBuiltinIommuCompatibles(compatibles);
    }

    /** Devices the buses find at probe time that the DT does not describe. */
    public void setExtraDevices(List<ExtraDevice> devices) {
        buses.setExtraDevices(devices);
    }

    /** Whether late_initcall will schedule the timeout work. */
    public boolean schedulesTimeout() {
        return check.timeout() > 0;
    }

    public int timeoutSeconds() {
        return check.timeout();
    }

    /** {@code deferred_probe_timeout_work_func} (§1.8). */
    public void timeoutWork() {
        event(BootEvent.Kind.TIMEOUT, null, null, "deferred probe timeout");
        if (profile.hasFwDevlinkDriversDone()) {
            fwDevlink.driversDone(devices);
        }
        check.timeoutFired();
        trigger();
        flush();
        for (Device dev : deferred.pending()) {
            String text = "deferred probe pending";
            if (profile.pendingLineHasReason()) {
                text += ": " + (dev.deferReason() == null ? "(reason unknown)" : dev.deferReason());
            }
            log.dev(profile.pendingLineIsWarning() ? LogLevel.WARNING : LogLevel.INFO, dev.driverString(), dev.name(), text);
            event(BootEvent.Kind.PENDING, dev, null, dev.deferReason());
        }
    }

    // ------------------------------------------------------------------ devices

    private Device addDevice(String name, Node node, BusType bus, Device parent) {
        return addDevice(name, node, bus, parent, 0, null, null, d -> { });
    }

    /** {@code device_add}; {@code setup} fills in bus-specific facts before the device is matched. */
    Device addDevice(String name, Node node, BusType bus, Device parent, int rid, Node idMapNode,
            Device upstream, java.util.function.Consumer<Device> setup) {
        if (byName.containsKey(name)) {
            log.log(LogLevel.ERR, "sysfs", name, "cannot create duplicate filename '/devices/platform/" + name + "'");
            return null;
        }
        Device dev = new Device(name, node, bus, parent, devices.size(), rid, idMapNode, upstream);
        devices.add(dev);
        byName.put(name, dev);
        if (node != null) {
            deviceOf.put(node, dev);
            dev.compatibles = DevicePopulator.compatibles(node);
            for (String c : dev.compatibles) {
                devicesByCompatible.computeIfAbsent(c, k -> new ArrayList<>()).add(dev);
            }
        }
        setup.accept(dev);
        for (String c : node == null ? dev.compatibles : List.<String>of()) {
            devicesByCompatible.computeIfAbsent(c, k -> new ArrayList<>()).add(dev);
        }
        event(BootEvent.Kind.DEVICE_ADDED, dev, null, null);
        fwDevlink.deviceAdded(dev);
        if (profile.iommuProbeAtDeviceAdd()) {
            dma.configureAtDeviceAdd(dev);
        }
        deviceAttach(dev);
        return dev;
    }

    /** {@code __device_attach}: registered drivers in order; a negative result ends the walk. */
    private void deviceAttach(Device dev) {
        for (DriverSpec drv : candidates(dev)) {
            int ret = driverProbeDevice(dev, drv);
            if (ret <= 0) {
                return;
            }
        }
    }

    private List<DriverSpec> candidates(Device dev) {
        if (dev.candidatesAtRegistration != registered.size()) {
            dev.candidates = findCandidates(dev);
            dev.candidatesAtRegistration = registered.size();
        }
        return dev.candidates;
    }

    private List<DriverSpec> findCandidates(Device dev) {
        String forced = overrides.get(dev.name());
        if (forced != null) {
            Integer i = registrationIndex.get(forced);
            return i == null ? List.of() : List.of(registered.get(i));
        }
        if (dev.isPci()) {
            List<DriverSpec> out = new ArrayList<>();
            for (DriverSpec d : registered) {
                if (d.bus() == BusType.PCI && matches(dev, d)) {
                    out.add(d);
                }
            }
            return out;
        }
        Set<DriverSpec> found = new LinkedHashSet<>();
        for (String c : dev.compatibles) {
            for (DriverSpec d : registeredByCompatible.getOrDefault(c, List.of())) {
                if (d.bus() == dev.bus()) {
                    found.add(d);
                }
            }
        }
        List<DriverSpec> out = new ArrayList<>(found);
        out.sort((a, b) -> Integer.compare(registrationIndex.get(a.name()), registrationIndex.get(b.name())));
        return out;
    }

    private boolean matches(Device dev, DriverSpec drv) {
        String forced = overrides.get(dev.name());
        if (forced != null) {
            return forced.equals(drv.name());
        }
        if (dev.isPci() && dev.pciBridge) {
            return drv.name().equals("pcieport"); // a class match: every PCIe port
        }
        for (String c : dev.compatibles) {
            if (drv.compatibles().contains(c)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ probing

    /** {@code driver_probe_device}: one driver's attempt, deferral bookkeeping around it. */
    private int driverProbeDevice(Device dev, DriverSpec drv) {
        if (dev.state == DeviceState.BOUND) {
            return -Errno.EBUSY;
        }
        dev.canMatch = true;
        int before = triggerCount;
        int ret = reallyProbe(dev, drv);
        if (Math.abs(ret) == Errno.EPROBE_DEFER) {
            dev.state = DeviceState.DEFERRED;
            dev.deferCount++;
            deferred.addPending(dev);
            log.dev(LogLevel.DEBUG, dev.driverString(), dev.name(), "Added to deferred list");
            if (triggerCount != before) {
                trigger(); // a supplier bound while we were deciding to defer
            }
        } else if (ret != 0) {
            // positive: the driver's probe failed; negative: DMA ownership refused it (-EBUSY)
            dev.state = DeviceState.FAILED;
            dev.failErrno = -Math.abs(ret);
        }
        return ret;
    }

    /**
     * {@code really_probe} (§1.4). Returns 0 when bound; a negative errno for failures before the
     * driver's probe (links, DMA configuration), which end the driver walk; a positive errno for
     * the driver's own probe result, after which the next matching driver is tried.
     */
    private int reallyProbe(Device dev, DriverSpec drv) {
        clock.advance(PROBE_COST);
        dev.probeAttempts++;
        if (dev.firstAttemptMicros < 0) {
            dev.firstAttemptMicros = clock.now();
        }
        dev.lastDriver = drv;
        event(BootEvent.Kind.PROBE, dev, drv.name(), null);

        DeferCause wait = fwDevlink.waitCause(dev);
        if (wait != null) {
            return defer(dev, drv, null, wait, -1);
        }
        dev.driver = drv;
        int configured = dma.configure(dev, drv);
        if (configured != 0) {
            dev.driver = null;
            if (configured == -Errno.EPROBE_DEFER) {
                return defer(dev, drv, null, new DeferCause(DeferCause.Kind.IOMMU, dma.firstIommu(dev), dev.iommuNote), -1);
            }
            event(BootEvent.Kind.FAIL, dev, drv.name(), Errno.name(configured));
            dev.failNote = "iommu_device_use_default_domain: IOMMU group " + iommu.group(dev).id()
                    + " is owned by " + iommu.group(dev).owner();
            return configured; // e.g. -EBUSY from DMA ownership: no log line (§9 S14)
        }

        int ret = callProbe(dev, drv);
        if (ret == 0) {
            driverBound(dev, drv);
            return 0;
        }
        dma.teardown(dev);
        dev.driver = null;
        if (ret == -Errno.EPROBE_DEFER) {
            return Errno.EPROBE_DEFER; // deferral already recorded by callProbe
        }
        if (ret == -Errno.ENODEV || ret == -Errno.ENXIO) {
            log.dev(LogLevel.DEBUG, dev.busName(), dev.name(), drv.name() + ": probe of " + dev.name() + " rejects match " + ret);
        } else {
            log.log(LogLevel.WARNING, null, dev.name(), drv.name() + ": probe of " + dev.name() + " failed with error " + ret);
        }
        event(BootEvent.Kind.FAIL, dev, drv.name(), Errno.name(ret));
        return -ret;
    }

    private int defer(Device dev, DriverSpec drv, String reason, DeferCause cause, int sign) {
        boolean linkWait = cause.kind() == DeferCause.Kind.SUPPLIER_LINK;
        dev.deferReasonText = reason;
        dev.reasonIsLinkWait = linkWait;
        dev.lastCause = cause;
        if (dev.firstDeferReason == null && dev.firstCause == null) {
            dev.firstCause = cause;
            dev.firstDeferReason = reason != null || linkWait ? reason : describe(cause);
        }
        if (recordEvents) {
            event(BootEvent.Kind.DEFER, dev, drv.name(), reason != null ? reason
                    : linkWait ? dev.deferReason() : describe(cause));
        }
        return sign * Errno.EPROBE_DEFER;
    }

    private static String describe(DeferCause cause) {
        return switch (cause.kind()) {
            case IOMMU -> "waiting for IOMMU " + (cause.supplier() == null ? "" : cause.supplier().path());
            case SUPPLIER_LINK -> "waiting for supplier " + cause.supplier().path();
            case RESOURCE -> cause.detail() + " provider " + cause.supplier().path() + " not ready";
            case IPMMU_ROOT -> "waiting for IPMMU root " + cause.supplier().path();
            case INJECTED -> "injected deferral";
        };
    }

    /** The driver's probe: injected faults, then each resource it acquires (§9 S23). */
    private int callProbe(Device dev, DriverSpec drv) {
        ProbeFault fault = faults.get(drv.name());
        if (fault != null && fault.deferTimes() > 0) {
            int left = injectedDefersLeft.computeIfAbsent(dev, d -> fault.deferTimes());
            if (left > 0) {
                injectedDefersLeft.put(dev, left - 1);
                log.dev(LogLevel.DEBUG, drv.name(), dev.name(), "Driver " + drv.name() + " requests probe deferral");
                defer(dev, drv, drv.name() + ": deferral injected (" + (fault.deferTimes() - left + 1) + " of "
                        + fault.deferTimes() + ")", new DeferCause(DeferCause.Kind.INJECTED, null, null), 1);
                return -Errno.EPROBE_DEFER;
            }
        }
        if (fault != null && fault.failErrno() != null) {
            return fault.failErrno();
        }
        if (drv.iommu() == IommuKind.IPMMU_VMSA) {
            Node root = ipmmuRoot(dev.node());
            if (root != null && !iommu.isRegistered(root)) {
                log.dev(LogLevel.DEBUG, drv.name(), dev.name(), "Driver " + drv.name() + " requests probe deferral");
                defer(dev, drv, null, new DeferCause(DeferCause.Kind.IPMMU_ROOT, root, "renesas,ipmmu-main"), 1);
                return -Errno.EPROBE_DEFER;
            }
        }
        DeferCause missing = resources.firstMissing(dev, drv);
        if (missing != null) {
            log.dev(LogLevel.DEBUG, drv.name(), dev.name(), "Driver " + drv.name() + " requests probe deferral");
            defer(dev, drv, drv.name() + ": " + describe(missing), missing, 1);
            return -Errno.EPROBE_DEFER;
        }
        if (drv.populatesChildren() && dev.node() != null) {
            if (BusEnumerator.isPciHost(dev.node())) {
                buses.enumeratePci(dev);
            } else if (BusEnumerator.isFslMcBus(dev.node())) {
                buses.enumerateFslMc(dev);
            } else {
                populator.populateChildren(dev.node(), dev, drv.childBus());
            }
        }
        return 0;
    }

    private Node ipmmuRoot(Node node) {
        Property main = node == null ? null : node.property("renesas,ipmmu-main");
        if (main == null || main.value().length() < 4) {
            return null;
        }
        return graph.byPhandle(main.value().cellAt(0));
    }

    /** {@code driver_bound} (§1.4 step 9). */
    private void driverBound(Device dev, DriverSpec drv) {
        clock.advance(BIND_COST);
        dev.state = DeviceState.BOUND;
        dev.driver = drv;
        dev.boundMicros = clock.now();
        dev.clearDeferReason();
        deferred.remove(dev);
        event(BootEvent.Kind.BIND, dev, drv.name(), null);
        log.dev(LogLevel.DEBUG, drv.name(), dev.name(), "driver bound");
        if (drv.iommu() != null && dev.node() != null) {
            iommu.register(new IommuInstance(dev.node(), drv.iommu(), drv.name(), dev.name()));
            if (profile.iommuProbeAtDeviceAdd()) {
                dma.probeExistingMasters(devices, dev.node());
            }
        }
        if (drv.driverManagedDma() && iommu.group(dev) != null) {
            dma.claimForUserspace(dev, drv);
        }
        for (Device consumer : fwDevlink.consumersToProbe(dev)) {
            deferred.addPending(consumer);
        }
        trigger();
    }

    // ------------------------------------------------------------------ triggers (§1.6)

    private void trigger() {
        if (!probeEnabled) {
            return;
        }
        triggerCount++;
        deferred.movePendingToActive();
    }

    private void flushIfEnabled() {
        if (probeEnabled) {
            flush();
        }
    }

    /** The deferred-probe worker: retries active devices in FIFO order until none is left. */
    private void flush() {
        if (flushing) {
            return; // the running worker picks up what the nested trigger queued
        }
        flushing = true;
        try {
            for (Device dev = deferred.popActive(); dev != null; dev = deferred.popActive()) {
                if (dev.state == DeviceState.BOUND) {
                    continue;
                }
                dev.clearDeferReason();
                log.dev(LogLevel.DEBUG, dev.driverString(), dev.name(), "Retrying from deferred list");
                deviceAttach(dev);
            }
        } finally {
            flushing = false;
        }
    }

    // ------------------------------------------------------------------ results

    private boolean recordEvents = true;

    void setRecordEvents(boolean on) {
        recordEvents = on;
    }

    private void event(BootEvent.Kind kind, Device dev, String driver, String detail) {
        if (!recordEvents) {
            return;
        }
        events.add(new BootEvent(clock.now(), kind, dev == null ? null : dev.name(), driver, detail));
    }

    void phase(String name) {
        event(BootEvent.Kind.PHASE, null, null, name);
    }

    public List<Device> devices() {
        return Collections.unmodifiableList(devices);
    }

    public List<BootEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public Device deviceFor(Node node) {
        return deviceOf.get(node);
    }

    public boolean isPending(Device d) {
        return deferred.isPending(d);
    }

    public Set<Node> earlyNodes() {
        return earlyNodes;
    }
}
