package dev.dtprobe.diff;

import dev.dtprobe.driver.BootEvent;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.DeferCause;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        String firstWaitedFor,
        String timeout,
        boolean timeoutWorkRan,
        String iommu,
        List<String> groupPeers,
        String groupText,
        String domain,
        String dmaOps,
        String dmaOwner) {

    static final String NOT_HIT = "not hit";
    static final String PENDING_AT_TIMEOUT = "still pending when the timeout fired";
    private static final List<String> TIMEOUT_MESSAGES = List.of(
            "deferred probe timeout, ignoring dependency", "ignoring dependency for device, assuming no driver");

    static DeviceOutcome of(BootResult r, TimeoutFacts timeouts, Device d) {
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
                waitedFor(d.firstCause()), timeout(timeouts, d), r.timeoutFiredMicros() >= 0, iommu(r, d, g), peers, groupText,
                g == null || g.defaultDomain() == null ? "none" : g.defaultDomain().name() + " (" + g.defaultDomain().label() + ")",
                d.dmaOps().name(), g == null ? "none" : r.profile().hasDmaOwnership() ? owner(g) : "not tracked before v5.19");
    }

    /**
     * What the first deferral waited for: the supplier or provider node, else the cause's kind. Two
     * boots that wait for the same node differ only in wording (a fw_devlink wait in one, the
     * driver's own lookup in the other): not a new reason.
     */
    private static String waitedFor(DeferCause c) {
        if (c == null) {
            return null;
        }
        return c.supplier() != null ? c.supplier().path() : c.kind().name();
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
    private static String timeout(TimeoutFacts facts, Device d) {
        String ignored = facts.ignoredDependency.get(d.name());
        if (ignored != null) {
            return ignored;
        }
        if (facts.boundAfter.contains(d)) {
            return "bound after the timeout";
        }
        return facts.pending.contains(d.name()) ? PENDING_AT_TIMEOUT : NOT_HIT;
    }

    /** What the timeout did in one boot, read once from its log and events (not once per device). */
    static final class TimeoutFacts {
        final Map<String, String> ignoredDependency = new HashMap<>();
        final Set<Device> boundAfter;
        final Set<String> pending = new HashSet<>();

        TimeoutFacts(BootResult r) {
            for (LogLine l : r.log()) {
                if (l.device() != null && TIMEOUT_MESSAGES.contains(l.message())) {
                    ignoredDependency.putIfAbsent(l.device(), "dependency ignored at " + seconds(l.timeMicros())
                            + " (\"" + l.message() + "\")");
                }
            }
            boundAfter = new HashSet<>(r.boundAfterTimeout());
            for (BootEvent e : r.events()) {
                if (e.kind() == BootEvent.Kind.PENDING && e.device() != null) {
                    pending.add(e.device());
                }
            }
        }
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
