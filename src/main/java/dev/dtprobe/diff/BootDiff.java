package dev.dtprobe.diff;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.graph.DeviceGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between two simulated boots (see docs/diff.md): device tree and profile
 * changes, then per device what changed (presence, binding, deferral, timeout, IOMMU, bind time),
 * the bind order as a minimal set of moves, and for every changed device what explains it.
 * Both {@link BootResult}s stay reachable for reports that draw the two runs.
 */
public final class BootDiff {
    private final BootResult a;
    private final BootResult b;
    private final DiffOptions options;
    private final List<TreeChange> treeChanges;
    private final List<ProfileChange> kernelChanges;
    private final List<DriverChange> driverChanges;
    private final List<DevicePair> pairs;
    private final List<Change> bootChanges;
    private final List<DeviceDiff> devices;
    private final List<BindOrder.Move> moves;

    private BootDiff(BootResult a, BootResult b, DiffOptions options, List<TreeChange> treeChanges,
            List<ProfileChange> kernelChanges, List<DriverChange> driverChanges, List<DevicePair> pairs,
            List<Change> bootChanges, List<DeviceDiff> devices, List<BindOrder.Move> moves) {
        this.a = a;
        this.b = b;
        this.options = options;
        this.treeChanges = treeChanges;
        this.kernelChanges = kernelChanges;
        this.driverChanges = driverChanges;
        this.pairs = pairs;
        this.bootChanges = bootChanges;
        this.devices = devices;
        this.moves = moves;
    }

    public static BootDiff compare(BootResult a, BootResult b, DiffOptions options) {
        DeviceGraph graphA = new DeviceGraph(a.tree());
        DeviceGraph graphB = a.tree() == b.tree() ? graphA : new DeviceGraph(b.tree());
        List<TreeChange> tree = TreeDiff.compare(graphA, graphB);
        List<ProfileChange> kernel = ProfileDiff.kernel(a.profile(), b.profile());
        List<DriverChange> drivers = ProfileDiff.drivers(a, b);
        List<DevicePair> pairs = DeviceMatcher.match(a.devices(), b.devices());
        List<BindOrder.Move> moves = bindOrderMoves(pairs);

        Map<String, String> keyOfA = new HashMap<>();
        Map<String, String> keyOfB = new HashMap<>();
        for (DevicePair p : pairs) {
            if (p.a() != null) {
                keyOfA.put(p.a().name(), p.displayName());
            }
            if (p.b() != null) {
                keyOfB.put(p.b().name(), p.displayName());
            }
        }
        Map<String, BindOrder.Move> moveOf = new HashMap<>();
        moves.forEach(m -> moveOf.put(m.device(), m));
        Explainer explainer = new Explainer(graphA, graphB, tree, drivers, !kernel.isEmpty());
        List<DeviceDiff> devices = new ArrayList<>();
        DeviceOutcome.TimeoutFacts timeoutsA = new DeviceOutcome.TimeoutFacts(a);
        DeviceOutcome.TimeoutFacts timeoutsB = new DeviceOutcome.TimeoutFacts(b);
        for (DevicePair p : pairs) {
            DeviceOutcome oa = p.a() == null ? null : DeviceOutcome.of(a, timeoutsA, p.a());
            DeviceOutcome ob = p.b() == null ? null : DeviceOutcome.of(b, timeoutsB, p.b());
            List<Change> changes = deviceChanges(oa, ob, keyOfA, keyOfB, options);
            if (!changes.isEmpty() || moveOf.containsKey(p.displayName())) {
                devices.add(new DeviceDiff(p, List.copyOf(changes), explainer.explain(p)));
            }
        }
        return new BootDiff(a, b, options, tree, kernel, drivers, pairs, bootChanges(a, b), List.copyOf(devices), moves);
    }

    private static List<Change> deviceChanges(DeviceOutcome a, DeviceOutcome b, Map<String, String> keyOfA,
            Map<String, String> keyOfB, DiffOptions options) {
        List<Change> out = new ArrayList<>();
        if (a == null || b == null) {
            out.add(new Change(Category.PRESENCE, "device", a == null ? "absent" : a.stateText(),
                    b == null ? "absent" : b.stateText()));
            return out;
        }
        if (!a.stateText().equals(b.stateText())) {
            out.add(new Change(Category.BINDING, "state", a.stateText(), b.stateText()));
        }
        String deferA = deferral(a);
        String deferB = deferral(b);
        if ((a.deferCount() == 0) != (b.deferCount() == 0) || !Objects.equals(a.firstWaitedFor(), b.firstWaitedFor())) {
            out.add(new Change(Category.DEFERRAL, "deferral", deferA, deferB));
        }
        if (!a.timeout().equals(b.timeout()) && !pendingOnlyWhereTheWorkRan(a, b) && !pendingOnlyWhereTheWorkRan(b, a)) {
            out.add(new Change(Category.TIMEOUT, "timeout", a.timeout(), b.timeout()));
        }
        iommuChanges(a, b, keyOfA, keyOfB, out);
        if (a.bound() && b.bound() && Math.abs(b.boundMicros() - a.boundMicros()) >= Math.max(1, options.timeThresholdMicros())) {
            long delta = b.boundMicros() - a.boundMicros();
            out.add(new Change(Category.BIND_TIME, "bound at", DeviceOutcome.seconds(a.boundMicros()),
                    DeviceOutcome.seconds(b.boundMicros()) + " (" + (delta < 0 ? "-" : "+")
                    + DeviceOutcome.seconds(Math.abs(delta)) + ")"));
        }
        return out;
    }

    /**
     * "Still pending when the timeout fired" against "not hit" in a boot whose timeout work never
     * ran says only that the work ran in one boot, which the boot-wide line reports once.
     */
    private static boolean pendingOnlyWhereTheWorkRan(DeviceOutcome x, DeviceOutcome y) {
        return x.timeout().equals(DeviceOutcome.PENDING_AT_TIMEOUT) && y.timeout().equals(DeviceOutcome.NOT_HIT)
                && !y.timeoutWorkRan();
    }

    private static String deferral(DeviceOutcome o) {
        if (o.deferCount() == 0) {
            return "never deferred";
        }
        String times = o.deferCount() == 1 ? "once" : o.deferCount() + " times";
        return "deferred " + times + (o.firstDeferReason() == null ? "" : " (first reason: " + o.firstDeferReason() + ")");
    }

    /**
     * The IOMMU itself; only when that is the same, the group members, the domain, and for a device
     * bound in both its DMA ops and the group's owner (an unbound device has neither: that is the
     * binding change, reported above).
     */
    private static void iommuChanges(DeviceOutcome a, DeviceOutcome b, Map<String, String> keyOfA,
            Map<String, String> keyOfB, List<Change> out) {
        if (!a.iommu().equals(b.iommu())) {
            out.add(new Change(Category.IOMMU, "IOMMU", withGroup(a), withGroup(b)));
            return;
        }
        if (!mapped(a.groupPeers(), keyOfA).equals(mapped(b.groupPeers(), keyOfB))) {
            out.add(new Change(Category.IOMMU, "IOMMU group", a.groupText(), b.groupText()));
        }
        if (!a.domain().equals(b.domain())) {
            out.add(new Change(Category.IOMMU, "default domain", a.domain(), b.domain()));
        }
        if (a.bound() && b.bound() && !a.dmaOps().equals(b.dmaOps())) {
            out.add(new Change(Category.IOMMU, "DMA ops", a.dmaOps(), b.dmaOps()));
        }
        if (a.bound() && b.bound() && !a.dmaOwner().equals(b.dmaOwner())) {
            out.add(new Change(Category.IOMMU, "DMA owner", a.dmaOwner(), b.dmaOwner()));
        }
    }

    /** {@code /soc/iommu@1000, group 1 (alone), domain DMA (Translated)}, or the IOMMU text alone. */
    private static String withGroup(DeviceOutcome o) {
        return o.groupText().equals("none") ? o.iommu() : o.iommu() + ", " + o.groupText() + ", domain " + o.domain();
    }

    private static List<String> mapped(List<String> names, Map<String, String> key) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(key.getOrDefault(n, n)));
        out.sort(null);
        return out;
    }

    /** The devices bound in both boots, each boot's bind order, and the moves between them. */
    private static List<BindOrder.Move> bindOrderMoves(List<DevicePair> pairs) {
        List<DevicePair> both = new ArrayList<>();
        for (DevicePair p : pairs) {
            if (p.inBoth() && p.a().boundMicros() >= 0 && p.b().boundMicros() >= 0) {
                both.add(p);
            }
        }
        return BindOrder.moves(order(both, DevicePair::a), order(both, DevicePair::b));
    }

    private static List<String> order(List<DevicePair> pairs, java.util.function.Function<DevicePair, Device> side) {
        List<DevicePair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingLong((DevicePair p) -> side.apply(p).boundMicros())
                .thenComparingInt(p -> side.apply(p).index()));
        List<String> out = new ArrayList<>();
        sorted.forEach(p -> out.add(p.displayName()));
        return out;
    }

    /** Boot-wide: whether the deferred-probe timeout work ran. */
    private static List<Change> bootChanges(BootResult a, BootResult b) {
        String x = timeoutWork(a);
        String y = timeoutWork(b);
        return x.equals(y) || (a.timeoutFiredMicros() >= 0 && b.timeoutFiredMicros() >= 0) ? List.of()
                : List.of(new Change(Category.TIMEOUT, "timeout work", x, y));
    }

    private static String timeoutWork(BootResult r) {
        return r.timeoutFiredMicros() < 0 ? "did not run" : "ran at " + DeviceOutcome.seconds(r.timeoutFiredMicros());
    }

    public BootResult a() {
        return a;
    }

    public BootResult b() {
        return b;
    }

    public DiffOptions options() {
        return options;
    }

    /** True when both boots load the same tree or trees without any compared difference. */
    public boolean sameTree() {
        return treeChanges.isEmpty();
    }

    public List<TreeChange> treeChanges() {
        return treeChanges;
    }

    public List<ProfileChange> kernelChanges() {
        return kernelChanges;
    }

    public List<DriverChange> driverChanges() {
        return driverChanges;
    }

    /** Every device once, paired or not, A's order then B's new ones. */
    public List<DevicePair> pairs() {
        return pairs;
    }

    /** The pairs made by label or compatible because the node path moved. */
    public List<DevicePair> movedMatches() {
        List<DevicePair> out = new ArrayList<>();
        for (DevicePair p : pairs) {
            if (p.how() != null && p.how() != MatchKind.PATH) {
                out.add(p);
            }
        }
        return out;
    }

    public List<Change> bootChanges() {
        return bootChanges;
    }

    /** Devices with a change or a bind-order move, A's order then B's new ones. */
    public List<DeviceDiff> devices() {
        return devices;
    }

    public List<BindOrder.Move> moves() {
        return moves;
    }

    /**
     * Neither the tree nor the boot differs (what {@code --exit-code} tests). Profile and driver
     * differences alone do not count: they are what the user asked to compare, and a boot they
     * leave unchanged is the answer "no difference".
     */
    public boolean isEmpty() {
        return treeChanges.isEmpty() && devices.isEmpty() && bootChanges.isEmpty() && moves.isEmpty();
    }

    /** The device changes of one category, in device order. */
    public Map<DeviceDiff, List<Change>> byCategory(Category category) {
        Map<DeviceDiff, List<Change>> out = new LinkedHashMap<>();
        for (DeviceDiff d : devices) {
            for (Change c : d.changes()) {
                if (c.category() == category) {
                    out.computeIfAbsent(d, k -> new ArrayList<>()).add(c);
                }
            }
        }
        return out;
    }
}
