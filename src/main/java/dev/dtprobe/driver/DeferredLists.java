package dev.dtprobe.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deferred_probe_pending_list} and {@code deferred_probe_active_list} (§1.1, §1.6): a
 * device sits on at most one of them; a trigger moves all of pending to the tail of active,
 * and the worker drains active in FIFO order.
 *
 * <p>Removal is lazy: each device records which list it is on and the ticket of its current
 * entry, and stale entries are skipped. This keeps every operation O(1) amortised, which the
 * kernel's intrusive lists give for free and a board of 10^6 devices needs.
 */
final class DeferredLists {
    private static final int NONE = 0;
    private static final int PENDING = 1;
    private static final int ACTIVE = 2;

    private record Entry(Device device, long ticket) {
    }

    private ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final ArrayDeque<Entry> active = new ArrayDeque<>();
    private long nextTicket;

    /** {@code driver_deferred_probe_add}: to the tail of pending unless already on a list. */
    void addPending(Device d) {
        if (d.deferredList == NONE) {
            d.deferredList = PENDING;
            d.deferredTicket = ++nextTicket;
            pending.addLast(new Entry(d, d.deferredTicket));
        }
    }

    void remove(Device d) {
        d.deferredList = NONE;
    }

    /** The trigger: every pending device to the tail of active. */
    void movePendingToActive() {
        ArrayDeque<Entry> moving = pending;
        pending = new ArrayDeque<>();
        for (Entry e : moving) {
            if (isCurrent(e, PENDING)) {
                e.device.deferredList = ACTIVE;
                active.addLast(e);
            }
        }
    }

    /** The worker's next device, or null when active is empty. */
    Device popActive() {
        for (Entry e = active.pollFirst(); e != null; e = active.pollFirst()) {
            if (isCurrent(e, ACTIVE)) {
                e.device.deferredList = NONE;
                return e.device;
            }
        }
        return null;
    }

    List<Device> pending() {
        List<Device> out = new ArrayList<>();
        for (Entry e : pending) {
            if (isCurrent(e, PENDING)) {
                out.add(e.device);
            }
        }
        return out;
    }

    boolean isPending(Device d) {
        return d.deferredList != NONE;
    }

    private static boolean isCurrent(Entry e, int list) {
        return e.device.deferredList == list && e.device.deferredTicket == e.ticket;
    }
}
