package dev.dtprobe.diff;

import dev.dtprobe.driver.BootEvent;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.driver.WhyChain;
import dev.dtprobe.iommu.Fwspec;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.kernel.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one boot did with one device, reduced to the values the diff compares, each already in
 * report wording. Group members are device names of the same boot; the diff maps them across.
 */
record DeviceOutcome(
        String state,
        String stateText,
        boolean bound,
        String driver,
        long boundMicros,
        int deferCount,
        String firstDeferReason,
        String timeout,
        String iommu,
        List<String> groupPeers,
        String groupText,
        String domain,
        String dmaOps,
        String dmaOwner) {

    private static final List<String> TIMEOUT_MESSAGES = List.of(
            "deferred probe timeout, ignoring dependency", "ignoring dependency for device, assuming no driver");

    static DeviceOutcome of(BootResult r, Device d) {
        String state = state(r, d);
        boolean bound = d.state() == DeviceState.BOUND;
        IommuGroup g = r.iommu().group(d);
        List<String> peers = new ArrayList<>();
        if (g != null) {
            for (DmaMaster m : g.devices()) {
                if (m != d) {
                    peers.add(m.name());
                }
            }
        }
        String groupText = g == null ? "none" : "group " + g.id() + (peers.isEmpty() ? " (alone)"
                : " (with " + String.join(", ", peers) + ")");
        return new DeviceOutcome(state, stateText(r, d, state), bound,
                d.driver() != null ? d.driver().name() : null, d.boundMicros(), d.deferCount(), d.firstDeferReason(),
                timeout(r, d), iommu(r, d, g), peers, groupText,
                g == null || g.defaultDomain() == null ? "none" : g.defaultDomain().name() + " (" + g.defaultDomain().label() + ")",
                d.dmaOps().name(), g == null ? "none" : owner(g));
    }

    /** The state column of {@code boot}: bound, deferred, failed, no-driver or bus. */
    private static String state(BootResult r, Device d) {
        if (d.isPopulatedBus()) {
            return "bus";
        }
        if (r.stillDeferred(d)) {
            return "deferred";
        }
        return switch (d.state()) {
            case BOUND -> "bound";
            case FAILED -> "failed";
            case DEFERRED -> "deferred";
            case CREATED, NO_DRIVER -> "no-driver";
        };
    }

    /** {@code bound to sdhci-foo}, {@code failed (-EINVAL): ...}, {@code deferred: mmc@2000 <- iommu@1000: ...}. */
    private static String stateText(BootResult r, Device d, String state) {
        if (state.equals("bus")) {
            return "bus container";
        }
        if (d.state() == DeviceState.BOUND) {
            return "bound to " + d.driver().name();
        }
        WhyChain why = r.why(d);
        String head = d.state() == DeviceState.FAILED ? state + " (" + Errno.name(d.failErrno()) + ")" : state;
        return head + ": " + (why.steps().size() == 1 ? why.rootCause().what() : why.oneLine());
    }

    /** Whether the deferred-probe timeout decided something for this device, and what. */
    private static String timeout(BootResult r, Device d) {
        for (LogLine l : r.log()) {
            if (d.name().equals(l.device()) && TIMEOUT_MESSAGES.contains(l.message())) {
                return "dependency ignored at " + seconds(l.timeMicros()) + " (\"" + l.message() + "\")";
            }
        }
        if (r.boundAfterTimeout().contains(d)) {
            return "bound after the timeout";
        }
        for (BootEvent e : r.events()) {
            if (e.kind() == BootEvent.Kind.PENDING && d.name().equals(e.device())) {
                return "still pending when the timeout fired";
            }
        }
        return "not hit";
    }

    private static String iommu(BootResult r, Device d, IommuGroup g) {
        if (d.dmaOps() == DmaOps.XEN_GRANT) {
            return "xen-grant (domid " + d.xenBackendDomid() + ")";
        }
        Fwspec spec = r.iommu().fwspec(d);
        if (g != null && spec != null) {
            return spec.targetPath();
        }
        return d.iommuNote() != null ? "none (" + d.iommuNote() + ")" : "none";
    }

    private static String owner(IommuGroup g) {
        if (g.owner() != null) {
            return g.owner();
        }
        return g.ownerCount() == 0 ? "unowned" : "kernel DMA API (" + g.ownerCount() + " user"
                + (g.ownerCount() == 1 ? "" : "s") + ")";
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06d s", micros / 1_000_000, micros % 1_000_000);
    }
}
