package dev.dtprobe.iommu;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.IdMapping;
import dev.dtprobe.graph.Specifier;
import dev.dtprobe.graph.SpecifierList;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.kernel.Era;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IOMMU core as the driver core sees it: IOMMU instances registered per DT node, each
 * master's fwspec built from {@code iommus} or {@code iommu-map} ({@code of_iommu_configure}),
 * groups and their default domains, and DMA ownership (§4.3–§5.7 of kernel-semantics.md).
 */
public final class IommuCore {
    private final KernelProfile profile;
    private final DeviceGraph graph;
    private final BootLog log;
    private final Map<Node, IommuInstance> registered = new LinkedHashMap<>();
    private final Map<DmaMaster, Fwspec> fwspecs = new HashMap<>();
    /** Insertion-ordered: groupSharingStream walks it, and boots must be deterministic. */
    private final Map<DmaMaster, IommuGroup> groupOf = new LinkedHashMap<>();
    private final List<IommuGroup> groups = new ArrayList<>();
    private final Map<IommuInstance, IommuGroup> instanceGroups = new HashMap<>();
    /** The translator models of registered instances that have one (SMMUv3, IPMMU). */
    private final Map<IommuInstance, Smmuv3Hardware> smmuv3 = new HashMap<>();
    private final Map<IommuInstance, SmmuV2Hardware> smmuv2 = new HashMap<>();
    private final Map<Node, IpmmuHardware> ipmmus = new HashMap<>();
    private String busOwnerDriver;

    public IommuCore(KernelProfile profile, DeviceGraph graph, BootLog log) {
        this.profile = profile;
        this.graph = graph;
        this.log = log;
    }

    // ------------------------------------------------------------------ registration

    /**
     * {@code iommu_device_register} from an IOMMU driver's probe. Up to v6.0 a second, different
     * driver could not take the bus ({@code bus_set_iommu} returned -EBUSY): its instance
     * registers, but the bus keeps the first driver's ops, so its masters find no ops.
     */
    public void register(IommuInstance instance) {
        registered.put(instance.node(), instance);
        // the driver's probe programs its hardware
        if (instance.kind() == IommuKind.ARM_SMMU_V3) {
            smmuv3.put(instance, new Smmuv3Hardware(instance));
        } else if (instance.kind() == IommuKind.ARM_SMMU) {
            smmuv2.put(instance, new SmmuV2Hardware(instance, graph));
        } else if (instance.kind() == IommuKind.IPMMU_VMSA) {
            ipmmus.put(instance.node(), new IpmmuHardware(instance, ipmmus::get, graph::byPhandle));
        }
        if (busOwnerDriver == null) {
            busOwnerDriver = instance.driverName();
        }
    }

    public boolean isRegistered(Node iommuNode) {
        return registered.containsKey(iommuNode);
    }

    public IommuInstance instance(Node iommuNode) {
        return registered.get(iommuNode);
    }

    public List<IommuInstance> instances() {
        return List.copyOf(registered.values());
    }

    private boolean opsReachable(IommuInstance instance) {
        return !profile.oneIommuDriverPerBus() || instance.driverName().equals(busOwnerDriver);
    }

    // ------------------------------------------------------------------ of_iommu_configure

    /**
     * One probe attempt's {@code of_iommu_configure}: builds or reuses the fwspec and, when the
     * IOMMU is there, probes the device into a group. Deferral and "no IOMMU" are results, not
     * exceptions.
     */
    public IommuConfig configure(DmaMaster dev, String driverPrefix, ProbeStateCheck check) {
        if (groupOf.containsKey(dev)) {
            return IommuConfig.BEHIND_IOMMU;
        }
        List<Target> targets = dev.usesIdMap() ? idMapTargets(dev) : iommusTargets(dev);
        if (targets.isEmpty()) {
            return new IommuConfig(-Errno.ENODEV, "no IOMMU described for the device");
        }
        Fwspec spec = null;
        for (Target t : targets) {
            XlateOutcome out = xlate(dev, t, spec, check);
            if (out.errno != 0) {
                // any failing entry leaves the whole device without an IOMMU (or deferring)
                fwspecs.remove(dev);
                if (out.errno != -Errno.EPROBE_DEFER && out.errno != -Errno.ENODEV) {
                    log.dev(LogLevel.DEBUG, driverPrefix, dev.name(), "Adding to IOMMU failed: " + out.errno);
                    if (profile.logsIommuConfigFailure()) {
                        log.dev(LogLevel.ERR, driverPrefix, dev.name(),
                                "iommu configuration for device failed with " + Errno.name(out.errno));
                    }
                }
                return new IommuConfig(out.errno, out.reason);
            }
            spec = out.spec;
        }
        fwspecs.put(dev, spec);
        return probeDevice(dev, driverPrefix, spec);
    }

    /** A specifier to translate: the IOMMU node and its cells. */
    private record Target(Node iommu, long[] args) {
    }

    private record XlateOutcome(int errno, String reason, Fwspec spec) {
    }

    private List<Target> iommusTargets(DmaMaster dev) {
        List<Target> out = new ArrayList<>();
        if (dev.node() == null || dev.node().property("iommus") == null) {
            return out;
        }
        SpecifierList list = graph.parse(dev.node(), "iommus", "#iommu-cells");
        for (Specifier s : list.entries()) {
            out.add(new Target(s.target(), s.args()));
        }
        if (list.problem() != null && list.problem().message() != null) {
            log.log(LogLevel.ERR, "OF", dev.name(), dev.node().path() + ": " + list.problem().message());
        }
        return out;
    }

    /** PCI RIDs and fsl-mc ICIDs go through the parent's iommu-map (§4.3 steps 3-4, §4.5). */
    private List<Target> idMapTargets(DmaMaster dev) {
        Node bridge = dev.idMapNode();
        if (bridge == null) {
            return List.of();
        }
        IdMapping m = graph.mapId(bridge, "iommu-map", dev.requesterId());
        switch (m.kind()) {
            case MAPPED:
                return List.of(new Target(m.target(), new long[] {m.id()}));
            case NO_MAP_PROPERTY:
                return List.of();
            default:
                if (m.logLine() != null) {
                    log.log(m.kind() == IdMapping.Kind.NO_TRANSLATION ? LogLevel.INFO : LogLevel.ERR, null,
                            dev.name(), m.logLine());
                }
                return List.of();
        }
    }

    /** of_iommu_xlate for one entry, era by era (§4.4). */
    private XlateOutcome xlate(DmaMaster dev, Target t, Fwspec spec, ProbeStateCheck check) {
        if (!DeviceGraph.isAvailable(t.iommu())) {
            return new XlateOutcome(-Errno.ENODEV, "IOMMU " + t.iommu().path() + " is disabled", spec);
        }
        IommuInstance instance = registered.get(t.iommu());
        if (instance == null || !opsReachable(instance)) {
            return unregistered(dev, t, spec, check);
        }
        if (!instance.hasOfXlate()) {
            return new XlateOutcome(-Errno.ENODEV, "IOMMU " + t.iommu().path() + " has no of_xlate", spec);
        }
        if (spec != null && spec.instance() != null
                && !spec.instance().driverName().equals(instance.driverName())) {
            return new XlateOutcome(-Errno.EINVAL, "IOMMUs of two different drivers", spec);
        }
        long id = OfXlate.xlate(instance, dev, t.args());
        if (id < 0) {
            return new XlateOutcome((int) id, instance.driverName() + " of_xlate rejected the device", spec);
        }
        Fwspec s = spec != null ? spec : new Fwspec(instance, t.iommu().path());
        s.addId(id);
        return new XlateOutcome(0, null, s);
    }

    private XlateOutcome unregistered(DmaMaster dev, Target t, Fwspec spec, ProbeStateCheck check) {
        String why = "IOMMU " + t.iommu().path() + " not registered";
        Era era = profile.era();
        if (era == Era.E0) {
            return new XlateOutcome(-Errno.ENODEV, why + " (no deferral before v4.12)", spec);
        }
        if (era == Era.E1) {
            return check.builtinDriverDeclared(t.iommu())
                    ? new XlateOutcome(-Errno.EPROBE_DEFER, why, spec)
                    : new XlateOutcome(-Errno.ENODEV, why + " and no IOMMU_OF_DECLARE driver", spec);
        }
        if (spec != null && spec.instance() != null && profile.secondEntryNullOpsBug()) {
            // iommu_fwspec_init(NULL ops) against a fwspec with ops: -EINVAL, device gets no IOMMU
            return new XlateOutcome(-Errno.EINVAL, why + "; second iommus entry hit the NULL-ops fwspec check", null);
        }
        int state = check.deferredProbeCheckState(dev);
        return new XlateOutcome(state, state == -Errno.EPROBE_DEFER ? why : why + ", gave up waiting", spec);
    }

    // ------------------------------------------------------------------ probe_device and groups

    private IommuConfig probeDevice(DmaMaster dev, String driverPrefix, Fwspec spec) {
        IommuInstance iommu = spec.instance();
        OfXlate.ProbeCheck pc = OfXlate.probeDevice(iommu, spec);
        if (pc.errno() != 0) {
            if (pc.message() != null) {
                log.dev(LogLevel.ERR, iommu.driverName(), iommu.deviceName(), pc.message());
            }
            log.dev(LogLevel.DEBUG, driverPrefix, dev.name(), "Adding to IOMMU failed: " + pc.errno());
            if (profile.freesFwspecOnFailure()) {
                fwspecs.remove(dev);
            }
            return new IommuConfig(pc.errno(), iommu.driverName() + " rejected the device in probe_device");
        }
        IommuGroup group = deviceGroup(dev, iommu);
        group.add(dev);
        groupOf.put(dev, group);
        log.dev(LogLevel.INFO, driverPrefix, dev.name(), "Adding to iommu group " + group.id());
        int err = attachDefaultDomain(dev, iommu, spec, group);
        if (err < 0) {
            // iommu_probe_device: the default-domain attach failed, so the device leaves the
            // group again and of_iommu_configure leaves it without an IOMMU
            group.remove(dev);
            groupOf.remove(dev);
            if (group.devices().isEmpty() && groups.get(groups.size() - 1) == group) {
                groups.remove(groups.size() - 1); // the kernel's ida hands the id out again
            }
            log.dev(LogLevel.INFO, driverPrefix, dev.name(), "Removing from iommu group " + group.id());
            log.dev(LogLevel.DEBUG, driverPrefix, dev.name(), "Adding to IOMMU failed: " + err);
            String why = err == -Errno.ENOSPC ? "no free context bank" : Errno.name(err);
            return new IommuConfig(err, iommu.driverName() + " could not attach the device to its group's default "
                    + "domain (" + why + ")");
        }
        return IommuConfig.BEHIND_IOMMU;
    }

    /** Programs the modelled hardware for the group's default domain; a negative errno on failure. */
    private int attachDefaultDomain(DmaMaster dev, IommuInstance iommu, Fwspec spec, IommuGroup group) {
        Smmuv3Hardware v3 = smmuv3.get(iommu);
        if (v3 != null) {
            v3.attach(dev, spec.ids(), group);
        }
        SmmuV2Hardware v2 = smmuv2.get(iommu);
        if (v2 != null) {
            int err = v2.attach(dev, spec.ids(), group);
            if (err < 0) {
                return err;
            }
        }
        IpmmuHardware ipmmu = ipmmus.get(iommu.node());
        if (ipmmu != null) {
            ipmmu.attach(dev, spec.ids());
        }
        return 0;
    }

    /** The driver's device_group: per instance (IPMMU), PCI topology, shared streams, or per device. */
    private IommuGroup deviceGroup(DmaMaster dev, IommuInstance iommu) {
        if (iommu.kind() == IommuKind.IPMMU_VMSA) {
            return instanceGroups.computeIfAbsent(iommu, this::newGroup);
        }
        if (dev.usesIdMap()) {
            // pci_device_group: bridges are modelled without ACS, so functions below share a
            // bridge's group; fsl_mc_device_group: objects share their container's group
            for (DmaMaster up = dev.upstreamBridge(); up != null; up = up.upstreamBridge()) {
                IommuGroup g = groupOf.get(up);
                if (g != null) {
                    return g;
                }
            }
        }
        if (iommu.kind() == IommuKind.ARM_SMMU) {
            IommuGroup shared = groupSharingStream(dev, iommu);
            if (shared != null) {
                return shared;
            }
        }
        return newGroup(iommu);
    }

    private IommuGroup groupSharingStream(DmaMaster dev, IommuInstance iommu) {
        List<Long> mine = fwspecs.get(dev).ids();
        for (Map.Entry<DmaMaster, IommuGroup> e : groupOf.entrySet()) {
            Fwspec other = fwspecs.get(e.getKey());
            if (other == null || other.instance() != iommu) {
                continue;
            }
            for (long a : mine) {
                for (long b : other.ids()) {
                    if (smrOverlap(a, b)) {
                        return e.getValue();
                    }
                }
            }
        }
        return null;
    }

    /** Two SMR (id, mask) entries overlap when they agree on every bit neither mask ignores. */
    private static boolean smrOverlap(long a, long b) {
        long ignore = (a >>> 32) | (b >>> 32);
        return ((a ^ b) & 0xffffffffL & ~ignore) == 0;
    }

    private IommuGroup newGroup(IommuInstance iommu) {
        IommuGroup g = new IommuGroup(groups.size(), iommu);
        g.setDefaultDomain(profile.iommuPassthrough() ? DomainType.IDENTITY
                : profile.iommuStrict() ? DomainType.DMA : DomainType.DMA_FQ);
        groups.add(g);
        return g;
    }

    // ------------------------------------------------------------------ ownership (§5.6, §5.7)

    /** {@code iommu_device_use_default_domain}: 0, or -EBUSY when someone else owns the group. */
    public int useDefaultDomain(DmaMaster dev) {
        IommuGroup g = groupOf.get(dev);
        if (g == null || !profile.hasDmaOwnership()) {
            return 0;
        }
        if (g.ownerCount() > 0 && g.owner() != null) {
            return -Errno.EBUSY;
        }
        g.incrementOwners();
        return 0;
    }

    public void unuseDefaultDomain(DmaMaster dev) {
        IommuGroup g = groupOf.get(dev);
        if (g != null && profile.hasDmaOwnership() && g.owner() == null) {
            g.decrementOwners();
        }
    }

    /** {@code iommu_group_claim_dma_owner} (VFIO): -EPERM while kernel drivers use the group. */
    public int claimDmaOwner(DmaMaster dev, String owner) {
        IommuGroup g = groupOf.get(dev);
        if (g == null) {
            return -Errno.ENODEV;
        }
        if (g.ownerCount() != 0) {
            return -Errno.EPERM;
        }
        g.setOwner(owner);
        g.incrementOwners();
        return 0;
    }

    /** {@code iommu_attach_device}: only a device alone in its group may attach its own domain. */
    public int attachDevice(DmaMaster dev) {
        IommuGroup g = groupOf.get(dev);
        if (g == null) {
            return -Errno.ENODEV;
        }
        return g.devices().size() != 1 ? -Errno.EINVAL : 0;
    }

    // ------------------------------------------------------------------ DMA after boot

    /**
     * The path a device's DMA takes after boot: through the translator its IOMMU driver
     * programmed, or, with no IOMMU, straight to memory. Null when the IOMMU has no model yet.
     */
    public DmaPort dmaPort(DmaMaster dev) {
        IommuGroup g = groupOf.get(dev);
        Fwspec spec = fwspecs.get(dev);
        if (g == null || spec == null) {
            return new DirectPort();
        }
        Smmuv3Hardware v3 = smmuv3.get(spec.instance());
        if (v3 != null) {
            return v3.port(dev, spec.ids(), g);
        }
        SmmuV2Hardware v2 = smmuv2.get(spec.instance());
        if (v2 != null) {
            return v2.port(dev, spec.ids(), g);
        }
        IpmmuHardware ipmmu = ipmmus.get(spec.instance().node());
        return ipmmu == null ? null : ipmmu.port(dev, spec.ids());
    }

    /** What each modelled translator was programmed with, in registration order. */
    public List<TranslatorState> translatorStates() {
        List<TranslatorState> out = new ArrayList<>();
        for (IommuInstance i : registered.values()) {
            if (smmuv3.containsKey(i)) {
                out.add(smmuv3.get(i).state());
            } else if (smmuv2.containsKey(i)) {
                out.add(smmuv2.get(i).state());
            } else if (ipmmus.containsKey(i.node())) {
                out.add(ipmmus.get(i.node()).state());
            }
        }
        return out;
    }

    /** No IOMMU: DMA addresses are physical addresses. */
    private static final class DirectPort implements DmaPort {
        @Override
        public int map(long iova, long pa, long size, boolean read, boolean write) {
            return iova == pa ? 0 : -dev.dtprobe.kernel.Errno.EINVAL;
        }

        @Override
        public long unmap(long iova, long size) {
            return size;
        }

        @Override
        public DmaResult translate(long iova, boolean write) {
            return DmaResult.direct(iova);
        }

        @Override
        public String describe() {
            return "no IOMMU (direct DMA)";
        }
    }

    // ------------------------------------------------------------------ state for reports

    public Fwspec fwspec(DmaMaster dev) {
        return fwspecs.get(dev);
    }

    public IommuGroup group(DmaMaster dev) {
        return groupOf.get(dev);
    }

    public List<IommuGroup> groups() {
        return Collections.unmodifiableList(groups);
    }
}
