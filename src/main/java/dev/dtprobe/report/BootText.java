package dev.dtprobe.report;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.iommu.Fwspec;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.kernel.LogLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human report of a boot: a dmesg-style log, then a summary, a device table, and for every
 * device that did not bind the chain of reasons down to the root cause.
 */
public final class BootText {
    private BootText() {
    }

    public static void writeLog(BootResult r, PrintWriter out, boolean debug) {
        for (LogLine l : r.log()) {
            if (debug || l.level() != LogLevel.DEBUG) {
                out.println(l.render());
            }
        }
    }

    public static void writeSummary(BootResult r, PrintWriter out) {
        KernelProfile p = r.profile();
        List<Device> devices = r.devices();
        BootCounts c = BootCounts.of(r);
        out.println();
        out.printf(Locale.ROOT, "Summary: %d devices: %d bound (%d after the deferred-probe timeout), "
                + "%d deferred forever, %d failed, %d without a driver, %d bus containers%n",
                c.devices(), c.bound(), c.boundAfterTimeout(), c.deferred(), c.failed(), c.noDriver(), c.buses());
        out.printf(Locale.ROOT, "Kernel %s (era %s): deferred_probe_timeout=%d, fw_devlink=%s%s, modules=%s; "
                + "late_initcall at %s%s%n",
                p.version(), p.era(), p.deferredProbeTimeout(), p.fwDevlink().name().toLowerCase(Locale.ROOT),
                p.fwDevlinkStrict() ? " (strict)" : "", p.modules() ? "y" : "n", seconds(r.lateInitcallMicros()),
                r.timeoutFiredMicros() < 0 ? ", no timeout fired" : ", timeout fired at " + seconds(r.timeoutFiredMicros()));
        out.println();
        out.printf(Locale.ROOT, "%-32s %-22s %-9s %-26s %5s %-12s %s%n",
                "DEVICE", "DRIVER", "STATE", "IOMMU", "GROUP", "DOMAIN", "BOUND AT");
        for (Device d : devices) {
            out.printf(Locale.ROOT, "%-32s %-22s %-9s %-26s %5s %-12s %s%n",
                    d.name(), driverColumn(d), stateColumn(r, d), iommuColumn(r, d), groupColumn(r, d),
                    domainColumn(r, d), d.boundMicros() < 0 ? "-" : seconds(d.boundMicros()));
        }
        List<Device> unbound = new ArrayList<>();
        for (Device d : devices) {
            if (d.state() != DeviceState.BOUND && !d.isPopulatedBus()) {
                unbound.add(d);
            }
        }
        if (!unbound.isEmpty()) {
            out.println();
            out.println("Not bound, and why:");
            for (Device d : unbound) {
                out.println("  " + r.why(d).oneLine());
            }
        }
        List<Device> late = r.boundAfterTimeout();
        if (!late.isEmpty()) {
            out.println();
            out.println("Bound only after the deferred-probe timeout:");
            for (Device d : late) {
                out.println("  " + d.name() + (d.iommuNote() == null ? "" : ": without its IOMMU (" + d.iommuNote() + ")"));
            }
        }
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06d s", micros / 1_000_000, micros % 1_000_000);
    }

    private static String driverColumn(Device d) {
        if (d.driver() != null) {
            return d.driver().name();
        }
        return d.lastDriver() == null ? "-" : "(" + d.lastDriver().name() + ")";
    }

    static String stateColumn(BootResult r, Device d) {
        return DeviceOutcome.of(r, d).label();
    }

    private static String iommuColumn(BootResult r, Device d) {
        Fwspec spec = r.iommu().fwspec(d);
        if (d.dmaOps() == DmaOps.XEN_GRANT) {
            return "xen-grant (domid " + d.xenBackendDomid() + ")";
        }
        if (spec != null && spec.instance() != null && r.iommu().group(d) != null) {
            return spec.targetPath();
        }
        return d.iommuNote() != null ? "none (named one)" : "-";
    }

    private static String groupColumn(BootResult r, Device d) {
        IommuGroup g = r.iommu().group(d);
        return g == null ? "-" : Integer.toString(g.id());
    }

    private static String domainColumn(BootResult r, Device d) {
        IommuGroup g = r.iommu().group(d);
        return g == null || g.defaultDomain() == null ? "-" : g.defaultDomain().label();
    }
}
