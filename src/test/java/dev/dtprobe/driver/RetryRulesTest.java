package dev.dtprobe.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.SyntheticBoard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The probe-attempt counts of the simulator on generated boards equal those of a minimal,
 * independent model of the kernel's retry rules (§1.3, §1.6, §1.7, §2.5): one driver registers
 * and attaches devices in creation order; a device waits while any supplier is unbound; before
 * late_initcall deferred devices only collect on the pending list; a bind adds its consumers to
 * pending and triggers; a trigger moves all of pending to the tail of active; the worker retries
 * active in FIFO order; late_initcall triggers and flushes twice.
 */
class RetryRulesTest {

    @Test
    void attemptCountsFollowTheKernelRules() {
        for (long seed = 1; seed <= 5; seed++) {
            DeviceTree tree = SyntheticBoard.generate(1500, 3, seed);
            int[] expected = new ReferenceModel(tree).run();
            BootResult r = new BootSimulation(KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION), catalog())
                    .run(tree);
            int[] actual = new int[expected.length];
            for (Device d : r.devices()) {
                if (!d.isPopulatedBus()) {
                    actual[index(d.node())] = d.probeAttempts();
                }
                if (!d.isPopulatedBus()) {
                    assertEquals(DeviceState.BOUND, d.state(), d.name());
                }
            }
            assertArrayEquals(expected, actual, "seed " + seed);
        }
    }

    private static DriverCatalog catalog() {
        DriverSpec spec = new DriverSpec("synthetic", List.of(SyntheticBoard.COMPATIBLE), BusType.PLATFORM,
                InitcallLevel.DEVICE, 1, null, List.of("clocks"), false, null, false);
        return DriverCatalog.of(List.of(CatalogEntry.builtin(spec))).withGenericDriver(false);
    }

    private static int index(Node n) {
        return (int) (n.phandle() - 1);
    }

    /** The retry rules on plain arrays, nothing shared with the simulator but the tree. */
    private static final class ReferenceModel {
        private final int n;
        private final List<List<Integer>> suppliers = new ArrayList<>();
        private final List<List<Integer>> consumers = new ArrayList<>();
        private final boolean[] bound;
        private final int[] attempts;
        private final LinkedHashSet<Integer> pending = new LinkedHashSet<>();
        private final ArrayDeque<Integer> active = new ArrayDeque<>();
        private final boolean[] onActive;
        private boolean enabled;

        ReferenceModel(DeviceTree tree) {
            List<Node> nodes = tree.nodeAtPath("/soc").liveChildren();
            n = nodes.size();
            bound = new boolean[n];
            attempts = new int[n];
            onActive = new boolean[n];
            for (int i = 0; i < n; i++) {
                suppliers.add(new ArrayList<>());
                consumers.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                var clocks = nodes.get(i).property("clocks");
                if (clocks != null) {
                    for (long ph : clocks.value().cells()) {
                        int s = (int) ph - 1;
                        if (!suppliers.get(i).contains(s)) {
                            suppliers.get(i).add(s);
                            consumers.get(s).add(i);
                        }
                    }
                }
            }
        }

        int[] run() {
            for (int i = 0; i < n; i++) { // driver_register -> driver_attach
                attempt(i);
            }
            enabled = true; // deferred_probe_initcall
            trigger();
            flush();
            trigger();
            flush();
            return attempts;
        }

        private void attempt(int i) {
            attempts[i]++;
            for (int s : suppliers.get(i)) {
                if (!bound[s]) {
                    addPending(i);
                    return;
                }
            }
            bound[i] = true;
            pending.remove(i);
            for (int c : consumers.get(i)) {
                if (!bound[c]) {
                    addPending(c);
                }
            }
            trigger();
        }

        private void addPending(int i) {
            if (!onActive[i]) {
                pending.add(i);
            }
        }

        private void trigger() {
            if (!enabled) {
                return;
            }
            for (int i : pending) {
                active.addLast(i);
                onActive[i] = true;
            }
            pending.clear();
        }

        private void flush() {
            while (!active.isEmpty()) {
                int i = active.pollFirst();
                onActive[i] = false;
                if (!bound[i]) {
                    attempt(i);
                }
            }
        }
    }
}
