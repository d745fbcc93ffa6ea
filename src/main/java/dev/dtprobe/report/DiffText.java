package dev.dtprobe.report;

import dev.dtprobe.diff.BindOrder;
import dev.dtprobe.diff.BootDiff;
import dev.dtprobe.diff.Category;
import dev.dtprobe.diff.Change;
import dev.dtprobe.diff.DeviceDiff;
import dev.dtprobe.diff.DevicePair;
import dev.dtprobe.diff.DriverChange;
import dev.dtprobe.diff.ProfileChange;
import dev.dtprobe.diff.TreeChange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human report of {@code dtprobe diff}: the two boots, then one section per kind of change
 * (empty sections left out), each line {@code device: before -> after}, then why each device
 * changed. Order is stable: tree order, then A's device order, then B's.
 */
public final class DiffText {
    private static final int MAX_NAMES = 4;
    private DiffText() {
    }

    public static void write(BootDiff d, PrintWriter out) {
        out.println("A: " + d.options().labelA());
        out.println("B: " + d.options().labelB());
        matches(d, out);
        tree(d, out);
        profile(d, out);
        for (Category c : Category.values()) {
            devices(d, c, out);
        }
        order(d, out);
        why(d, out);
        if (d.isEmpty()) {
            out.println();
            out.println(d.kernelChanges().isEmpty() && d.driverChanges().isEmpty()
                    ? "No differences." : "No differences in the boot.");
        }
        out.flush();
    }

    private static void matches(BootDiff d, PrintWriter out) {
        List<DevicePair> moved = d.movedMatches();
        if (moved.isEmpty()) {
            return;
        }
        out.println();
        out.println("Matched although the node moved:");
        for (DevicePair p : moved) {
            out.println("  " + p.displayName() + ": " + p.a().path() + " -> " + p.b().path() + " (by " + p.how().word()
                    + " \"" + p.key() + "\")");
        }
    }

    private static void tree(BootDiff d, PrintWriter out) {
        out.println();
        if (d.sameTree()) {
            boolean profile = !d.kernelChanges().isEmpty() || !d.driverChanges().isEmpty();
            out.println(profile ? "Device tree: no changes; every difference below comes from the profile."
                    : "Device tree: no changes.");
            return;
        }
        out.println("Device tree:");
        for (TreeChange c : d.treeChanges()) {
            out.println("  " + c.describe());
        }
    }

    private static void profile(BootDiff d, PrintWriter out) {
        if (d.kernelChanges().isEmpty() && d.driverChanges().isEmpty()) {
            return;
        }
        out.println();
        out.println("Profile:");
        for (ProfileChange c : d.kernelChanges()) {
            out.println("  " + c.describe());
        }
        for (DriverChange c : d.driverChanges()) {
            out.println("  " + c.describe());
        }
    }

    private static void devices(BootDiff d, Category c, PrintWriter out) {
        Map<DeviceDiff, List<Change>> changes = d.byCategory(c);
        List<Change> boot = d.bootChanges().stream().filter(x -> x.category() == c).toList();
        if (changes.isEmpty() && boot.isEmpty()) {
            return;
        }
        out.println();
        out.println(c == Category.BIND_TIME ? c.title() + " (moved by " + seconds(d.options().timeThresholdMicros())
                + " or more):" : c.title() + ":");
        for (Change x : boot) {
            out.println("  (boot) " + x.describe());
        }
        for (Map.Entry<DeviceDiff, List<Change>> e : changes.entrySet()) {
            for (Change x : e.getValue()) {
                String text = x.what().equals(c.usualWhat()) ? x.before() + " -> " + x.after() : x.describe();
                out.println("  " + e.getKey().name() + ": " + text);
            }
        }
    }

    private static void order(BootDiff d, PrintWriter out) {
        if (d.moves().isEmpty()) {
            return;
        }
        out.println();
        out.println("Bind order (the fewest devices that moved):");
        for (BindOrder.Move m : d.moves()) {
            out.println("  " + m.device() + " now binds " + place(m.after(), m.before()) + " (was "
                    + place(m.wasAfter(), m.wasBefore()) + ")");
        }
    }

    /** {@code after X, before Y}; {@code first, before Y}; {@code after X, last}. */
    static String place(String after, String before) {
        String head = after == null ? "first" : "after " + after;
        String tail = before == null ? "last" : "before " + before;
        return after == null && before == null ? "alone" : head + ", " + tail;
    }

    /** Devices with the same explanations share one entry, so a profile change is not a wall of lines. */
    private static void why(BootDiff d, PrintWriter out) {
        if (d.devices().isEmpty()) {
            return;
        }
        Map<List<String>, List<String>> devicesByReasons = new LinkedHashMap<>();
        for (DeviceDiff dev : d.devices()) {
            devicesByReasons.computeIfAbsent(dev.because(), k -> new ArrayList<>()).add(dev.name());
        }
        out.println();
        out.println("Why:");
        for (Map.Entry<List<String>, List<String>> e : devicesByReasons.entrySet()) {
            out.println("  " + names(e.getValue()));
            for (String b : e.getKey()) {
                out.println("    " + b);
            }
        }
    }

    /** {@code a, b, c}, or {@code a, b, c and 12 more} past four names. */
    static String names(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES - 1)) + " and " + (names.size() - MAX_NAMES + 1) + " more";
    }

    static String seconds(long micros) {
        if (micros % 1000 == 0 && micros < 1_000_000) {
            return micros / 1000 + " ms";
        }
        return String.format(Locale.ROOT, "%d.%06d s", micros / 1_000_000, micros % 1_000_000);
    }
}
