package dev.dtprobe.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code deferred_probe_pending_list} and {@code deferred_probe_active_list} (§1.1, §1.6): a
 * device sits on at most one of them; a trigger moves all of pending to the tail of active,
 * and the worker drains active in FIFO order.
 */
final class DeferredLists {
    private final LinkedHashSet<Device> pending = new LinkedHashSet<>();
    private final Deque<Device> active = new ArrayDeque<>();
    private final java.util.Set<Device> onActive = new java.util.HashSet<>();

    /** {@code driver_deferred_probe_add}: to the tail of pending unless already listed. */
    void addPending(Device d) {
        if (!onActive.contains(d)) {
            pending.add(d);
        }
    }

    void remove(Device d) {
        pending.remove(d);
        if (onActive.remove(d)) {
            active.remove(d);
        }
    }

    /** The trigger: every pending device to the tail of active. */
    void movePendingToActive() {
        for (Device d : pending) {
            active.addLast(d);
            onActive.add(d);
        }
        pending.clear();
    }

    /** The worker's next device, or null when active is empty. */
    Device popActive() {
        Device d = active.pollFirst();
        if (d != null) {
            onActive.remove(d);
        }
        return d;
    }

    List<Device> pending() {
        return new ArrayList<>(pending);
    }

    boolean isPending(Device d) {
        return pending.contains(d) || onActive.contains(d);
    }
}
