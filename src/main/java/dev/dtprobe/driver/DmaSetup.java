package dev.dtprobe.driver;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.IdMapping;
import dev.dtprobe.graph.Specifier;
import dev.dtprobe.iommu.IommuConfig;
import dev.dtprobe.iommu.IommuCore;
import dev.dtprobe.iommu.ProbeStateCheck;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.tree.Node;
import java.util.List;

/**
 * The DMA part of a probe (§4): {@code bus->dma_configure} before the driver's probe (IOMMU
 * configuration, DMA ownership, Xen grant ops), its teardown after a failure or deferral, and
 * the IOMMU core's own configuration passes of v6.15.
 */
final class DmaSetup {
    private final KernelProfile profile;
    private final DeviceGraph graph;
    private final IommuCore iommu;
    private final BootLog log;
    private final ProbeStateCheck check;

    DmaSetup(KernelProfile profile, DeviceGraph graph, IommuCore iommu, BootLog log, ProbeStateCheck check) {
        this.profile = profile;
        this.graph = graph;
        this.iommu = iommu;
        this.log = log;
        this.check = check;
    }

    /**
     * A driver_managed_dma driver (VFIO) hands the group to user space, which claims DMA
     * ownership (§5.6): refused with -EPERM while kernel drivers in the group use it.
     */
    void claimForUserspace(Device dev, DriverSpec drv) {
        int ret = iommu.claimDmaOwner(dev, drv.name());
        if (ret != 0) {
            log.dev(LogLevel.WARNING, drv.name(), dev.name(), "iommu group " + iommu.group(dev).id()
                    + " is not viable: DMA ownership claim failed with " + Errno.name(ret)
                    + " (kernel drivers use other devices of the group)");
        }
    }

    /** {@code platform_dma_configure}: of_dma_configure, then DMA ownership of the group. */
    int configure(Device dev, DriverSpec drv) {
        IommuConfig cfg = iommu.configure(dev, drv.name(), check);
        if (cfg.deferred()) {
            dev.iommuNote = cfg.reason();
            return -Errno.EPROBE_DEFER;
        }
        if (cfg.behindIommu()) {
            dev.iommuNote = null;
            if (!drv.driverManagedDma()) {
                int own = iommu.useDefaultDomain(dev);
                if (own != 0) {
                    return own;
                }
            }
            dev.dmaOps = DmaOps.IOMMU;
            return 0;
        }
        dev.iommuNote = namesAnIommu(dev) ? cfg.reason() : null;
        long domid = xenGrantDomid(dev);
        if (domid >= 0 && profile.version().atLeast(5, 19)) {
            dev.dmaOps = DmaOps.XEN_GRANT;
            dev.xenBackendDomid = domid;
        } else if (!(profile.keepsStaleDmaOps() && dev.dmaOps == DmaOps.IOMMU)) {
            dev.dmaOps = DmaOps.DIRECT;
        }
        return 0;
    }

    /** {@code arch_teardown_dma_ops} after a failed or deferred probe (§4.7). */
    void teardown(Device dev) {
        if (dev.dmaOps == DmaOps.IOMMU && !dev.driver().driverManagedDma()) {
            iommu.unuseDefaultDomain(dev);
        }
        if (profile.keepsStaleDmaOps() && dev.dmaOps == DmaOps.IOMMU) {
            log.dev(LogLevel.WARNING, dev.driverString(), dev.name(),
                    "dma_ops kept after failed probe: the next attempt reuses stale IOMMU ops "
                            + "(arch_teardown_dma_ops does not reset them before v4.12)");
            dev.staleDmaOps = true;
            return;
        }
        dev.dmaOps = DmaOps.NONE;
    }

    /**
     * v6.15+: {@code iommu_device_register} runs dma_configure for every existing master of the
     * new IOMMU, in device-add order, so groups form before any master's driver probes (§6).
     */
    void probeExistingMasters(List<Device> devices, Node iommuNode) {
        for (Device d : List.copyOf(devices)) {
            if (iommu.group(d) == null && iommuTargetOf(d) == iommuNode) {
                iommu.configure(d, d.driverString(), check);
            }
        }
    }

    /** v6.15+: a device added while its IOMMU is registered is grouped at once. */
    void configureAtDeviceAdd(Device dev) {
        Node target = iommuTargetOf(dev);
        if (target != null && iommu.isRegistered(target)) {
            iommu.configure(dev, dev.driverString(), check);
        }
    }

    /** The IOMMU node a device's DMA goes to: its first iommus entry, or its host bridge's iommu-map. */
    private Node iommuTargetOf(Device dev) {
        if (dev.usesIdMap()) {
            if (dev.idMapNode() == null) {
                return null;
            }
            IdMapping m = graph.mapId(dev.idMapNode(), "iommu-map", dev.requesterId());
            return m.kind() == IdMapping.Kind.MAPPED ? m.target() : null;
        }
        return firstIommu(dev);
    }

    private static boolean namesAnIommu(Device dev) {
        return dev.usesIdMap() ? dev.idMapNode() != null && dev.idMapNode().property("iommu-map") != null
                : dev.node() != null && dev.node().property("iommus") != null;
    }

    /** The IOMMU named by the device's first {@code iommus} entry, or null. */
    Node firstIommu(Device dev) {
        Specifier first = firstIommuSpecifier(dev);
        return first == null ? null : first.target();
    }

    /** The backend domid when the device's first IOMMU is a {@code xen,grant-dma} node (§7), else -1. */
    private long xenGrantDomid(Device dev) {
        Specifier first = firstIommuSpecifier(dev);
        if (first == null || first.args().length != 1) {
            return -1;
        }
        return DevicePopulator.compatibles(first.target()).contains("xen,grant-dma") ? first.args()[0] : -1;
    }

    private Specifier firstIommuSpecifier(Device dev) {
        if (dev.node() == null || dev.node().property("iommus") == null) {
            return null;
        }
        return graph.parseAt(dev.node(), "iommus", "#iommu-cells", 0);
    }
}
