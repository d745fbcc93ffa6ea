package dev.dtprobe.driver;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.iommu.IommuCore;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLine;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Everything one simulated boot produced: devices, IOMMU state, the log and the events. */
public final class BootResult {
    private final KernelProfile profile;
    private final DriverCatalog catalog;
    private final DeviceTree tree;
    private final DriverCore core;
    private final IommuCore iommu;
    private final List<LogLine> log;
    private final long lateInitcallMicros;
    private final long timeoutFiredMicros;

    BootResult(KernelProfile profile, DriverCatalog catalog, DeviceTree tree, DriverCore core, IommuCore iommu,
            List<LogLine> log, long lateInitcallMicros, long timeoutFiredMicros) {
        this.profile = profile;
        this.catalog = catalog;
        this.tree = tree;
        this.core = core;
        this.iommu = iommu;
        this.log = List.copyOf(log);
        this.lateInitcallMicros = lateInitcallMicros;
        this.timeoutFiredMicros = timeoutFiredMicros;
    }

    public KernelProfile profile() {
        return profile;
    }

    public DriverCatalog catalog() {
        return catalog;
    }

    public DeviceTree tree() {
        return tree;
    }

    /** Whether the named catalog driver exists in this boot's kernel version (some came later). */
    public boolean driverExistsInKernel(String driverName) {
        return DriverHistory.existsIn(driverName, profile.version());
    }

    public List<Device> devices() {
        return core.devices();
    }

    public IommuCore iommu() {
        return iommu;
    }

    public List<LogLine> log() {
        return log;
    }

    public List<BootEvent> events() {
        return core.events();
    }

    public long lateInitcallMicros() {
        return lateInitcallMicros;
    }

    /** When the deferred-probe timeout work ran, or -1 if it never did. */
    public long timeoutFiredMicros() {
        return timeoutFiredMicros;
    }

    /** Nodes set up by OF_DECLARE code before devices exist (irqchips, early clocks, timers). */
    public Set<Node> earlyNodes() {
        return core.earlyNodes();
    }

    public Device device(Node node) {
        return core.deviceFor(node);
    }

    /** A device by name ({@code 2000.mmc}), node path, node name or label; null if none. */
    public Device find(String query) {
        for (Device d : devices()) {
            if (d.name().equals(query) || d.path().equals(query)) {
                return d;
            }
        }
        for (Device d : devices()) {
            if (d.node() != null && (d.node().name().equals(query) || d.node().labels().contains(query))) {
                return d;
            }
        }
        return null;
    }

    /** Whether the device is still on a deferred-probe list at the end of the boot. */
    public boolean stillDeferred(Device d) {
        return d.state() != DeviceState.BOUND && core.isPending(d);
    }

    public List<Device> withState(DeviceState state) {
        List<Device> out = new ArrayList<>();
        for (Device d : devices()) {
            if (d.state() == state) {
                out.add(d);
            }
        }
        return out;
    }

    /** Devices that bound only after the deferred-probe timeout had fired. */
    public List<Device> boundAfterTimeout() {
        List<Device> out = new ArrayList<>();
        if (timeoutFiredMicros < 0) {
            return out;
        }
        for (Device d : devices()) {
            if (d.state() == DeviceState.BOUND && d.boundMicros() >= timeoutFiredMicros && d.deferCount() > 0) {
                out.add(d);
            }
        }
        return out;
    }

    /** The chain of reasons from a device down to what blocks it. */
    public WhyChain why(Device d) {
        return WhyChain.explain(this, d);
    }
}
