package dev.dtprobe.translate.xen;

import dev.dtprobe.kernel.Errno;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * One guest's v1 grant table: the shared entries (one packed {@code long} each, see
 * {@link GrantEntry#pack}), the guest's free-reference allocator as Linux
 * {@code drivers/xen/grant-table.c} keeps it (free list + free bitmap + free tail, v5.19+), and
 * the hypervisor's per-entry pin counts for the backend side.
 *
 * <p>The table starts with {@code initialFrames} grant frames of {@value #GREFS_PER_FRAME} entries
 * and grows a frame at a time ({@code gnttab_expand}) up to {@code maxFrames}. Refs 0..7 are
 * reserved and never handed out.
 *
 * <p>Not thread-safe: the simulator drives it from one thread (Linux holds
 * {@code gnttab_list_lock}).
 */
public final class GrantTable {
    /** {@code XEN_PAGE_SIZE / sizeof(grant_entry_v1)}. */
    public static final int GREFS_PER_FRAME = 512;
    /** {@code GNTTAB_NR_RESERVED_ENTRIES}: 0 = console, 1 = xenstore, 2..7 unused. */
    public static final int NR_RESERVED_ENTRIES = 8;

    private static final int LIST_END = -1; // GNTTAB_LIST_END (0xffffffff)
    private static final int PTR_NULL = -2; // gnttab_free_tail_ptr == NULL
    private static final int PTR_HEAD = -1; // gnttab_free_tail_ptr == &gnttab_free_head

    private final int guestDomid;
    private final int maxFrames;
    private final long[] shared;
    private final int[] next; // gnttab_list: free-list links, indexed by ref
    private final BitSet freeBitmap = new BitSet();
    private final int[] readPins;
    private final int[] writePins;
    private final List<String> log = new ArrayList<>();

    private int nrGrantFrames;
    private int size; // gnttab_size
    private int freeCount;
    private int freeHead = LIST_END;
    private int lastFree = LIST_END;
    /** PTR_NULL, PTR_HEAD, or a ref r meaning {@code &gnttab_entry(r)}. */
    private int freeTailPtr = PTR_NULL;

    /** A table of one frame (512 entries) that may grow to {@code maxFrames} frames. */
    public GrantTable(int guestDomid, int maxFrames) {
        this(guestDomid, 1, maxFrames);
    }

    public GrantTable(int guestDomid, int initialFrames, int maxFrames) {
        if (initialFrames < 1 || maxFrames < initialFrames) {
            throw new IllegalArgumentException("need 1 <= initialFrames <= maxFrames");
        }
        this.guestDomid = guestDomid;
        this.maxFrames = maxFrames;
        int capacity = Math.multiplyExact(maxFrames, GREFS_PER_FRAME);
        this.shared = new long[capacity];
        this.next = new int[capacity];
        this.readPins = new int[capacity];
        this.writePins = new int[capacity];
        // gnttab_init
        nrGrantFrames = initialFrames;
        size = initialFrames * GREFS_PER_FRAME;
        setFree(NR_RESERVED_ENTRIES, size - NR_RESERVED_ENTRIES);
    }

    public int guestDomid() {
        return guestDomid;
    }

    /** Current number of entries ({@code gnttab_size}); refs at or above it do not exist. */
    public int size() {
        return size;
    }

    public int frames() {
        return nrGrantFrames;
    }

    public int maxFrames() {
        return maxFrames;
    }

    public int freeCount() {
        return freeCount;
    }

    /** Kernel log lines written by the grant-table code, oldest first. */
    public List<String> log() {
        return Collections.unmodifiableList(log);
    }

    // ------------------------------------------------------------------ entries

    public boolean exists(long ref) {
        return ref >= 0 && ref < size;
    }

    /** The entry, or throws if {@code ref} is outside the table. */
    public GrantEntry entry(int ref) {
        checkRef(ref);
        long p = shared[ref];
        return new GrantEntry(ref, GrantEntry.flagsOf(p), GrantEntry.domidOf(p), GrantEntry.frameOf(p),
                ref >= NR_RESERVED_ENTRIES && !freeBitmap.get(ref));
    }

    /** Raw packed entry for the hot path; callers must check {@link #exists} first. */
    long packed(int ref) {
        return shared[ref];
    }

    /**
     * {@code gnttab_grant_foreign_access_ref}: grant {@code frame} to {@code domid}. The v1 frame field
     * is 32 bits; a larger GFN is refused (Linux would need a v2 table).
     */
    public void grantForeignAccess(int ref, int domid, long frame, boolean readOnly) {
        checkRef(ref);
        checkFrameAndDomid(frame, domid);
        int flags = GrantFlags.GTF_PERMIT_ACCESS | (readOnly ? GrantFlags.GTF_READONLY : 0);
        shared[ref] = GrantEntry.pack(flags, domid, frame);
    }

    /** {@code gnttab_grant_foreign_transfer_ref}: an {@code GTF_accept_transfer} slot (not mappable). */
    public void grantForeignTransfer(int ref, int domid, long pfn) {
        checkRef(ref);
        checkFrameAndDomid(pfn, domid);
        shared[ref] = GrantEntry.pack(GrantFlags.GTF_ACCEPT_TRANSFER, domid, pfn);
    }

    /**
     * {@code gnttab_end_foreign_access_ref}: fails (false, and logs "still in use") while the backend
     * has the grant mapped; otherwise clears the flags so the grant is ended. Domid and frame stay.
     */
    public boolean endForeignAccess(int ref) {
        checkRef(ref);
        long p = shared[ref];
        int flags = GrantEntry.flagsOf(p);
        if (GrantFlags.inUse(flags)) {
            log.add(String.format("WARNING: g.e. %#x still in use!", ref));
            return false;
        }
        shared[ref] = p & ~0xffffL;
        return true;
    }

    // ------------------------------------------------------------------ allocator

    /**
     * {@code gnttab_alloc_grant_reference_seq(count, &first)}: allocate {@code count} consecutive refs.
     * Returns the first ref, or {@code -ENOSPC} when neither a free run nor table growth is possible.
     */
    public int allocSeq(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        int h = count == 1 ? getFreeEntries(1) : getFreeEntriesSeq(count);
        return h < 0 ? -Errno.ENOSPC : h;
    }

    /** {@code gnttab_free_grant_reference_seq(head, count)}: give back a run, last ref first. */
    public void freeSeq(int head, int count) {
        checkRef(head);
        checkRef(head + count - 1);
        for (int i = count; i > 0; i--) {
            putFreeEntryLocked(head + i - 1);
        }
    }

    /** True when the guest allocator has handed {@code ref} out. */
    public boolean allocated(int ref) {
        return exists(ref) && ref >= NR_RESERVED_ENTRIES && !freeBitmap.get(ref);
    }

    private int getFreeEntries(int count) {
        if (freeCount < count) {
            int rc = expand(count - freeCount);
            if (rc < 0) {
                return rc;
            }
        }
        int ref = freeHead;
        int head = freeHead;
        freeCount -= count;
        while (count-- > 0) {
            freeBitmap.clear(head);
            if (freeTailPtr == head) {
                freeTailPtr = PTR_HEAD;
            }
            if (count > 0) {
                head = next[head];
            }
        }
        freeHead = next[head];
        next[head] = LIST_END;
        if (freeCount == 0) {
            lastFree = LIST_END;
            freeTailPtr = PTR_NULL;
        }
        return ref;
    }

    private int tailValue() {
        return freeTailPtr == PTR_HEAD ? freeHead : next[freeTailPtr];
    }

    private void setTailValue(int v) {
        if (freeTailPtr == PTR_HEAD) {
            freeHead = v;
        } else {
            next[freeTailPtr] = v;
        }
    }

    private int seqEntryCount() {
        if (lastFree == LIST_END || freeTailPtr == PTR_NULL || tailValue() == LIST_END) {
            return 0;
        }
        return lastFree - tailValue() + 1;
    }

    /** {@code get_free_seq}: rebuild the free list in ref order and take the first fitting run. */
    private int getFreeSeq(int count) {
        int ret = -Errno.ENOSPC;
        freeTailPtr = PTR_HEAD;
        int last = PTR_HEAD; // grant_ref_t *last = &gnttab_free_head
        int from = findNextBit(0);
        while (from < size) {
            int to = Math.min(freeBitmap.nextClearBit(from + 1), size);
            boolean skipList = false;
            if (ret < 0 && to - from >= count) {
                ret = from;
                freeBitmap.clear(ret, ret + count);
                from += count;
                freeCount -= count;
                if (from == to) {
                    skipList = true;
                }
            }
            if (!skipList) {
                while (from < to) {
                    if (last == PTR_HEAD) {
                        freeHead = from;
                    } else {
                        next[last] = from;
                    }
                    last = from;
                    lastFree = from;
                    from++;
                }
                if (to < size) {
                    freeTailPtr = to - 1;
                }
            }
            from = findNextBit(to + 1);
        }
        if (last == PTR_HEAD) {
            freeHead = LIST_END;
        } else {
            next[last] = LIST_END;
        }
        if (lastFree != size - 1) {
            freeTailPtr = PTR_NULL;
        }
        return ret;
    }

    private int findNextBit(int from) {
        if (from >= size) {
            return size;
        }
        int b = freeBitmap.nextSetBit(from);
        return b < 0 || b >= size ? size : b;
    }

    private int getFreeEntriesSeq(int count) {
        if (freeCount < count) {
            int rc = expand(count - freeCount);
            if (rc < 0) {
                return rc;
            }
        }
        if (seqEntryCount() < count) {
            int rc = getFreeSeq(count);
            if (rc >= 0) {
                return rc;
            }
            rc = expand(count - seqEntryCount());
            if (rc < 0) {
                return rc;
            }
        }
        int ret = tailValue();
        if (ret < 0 || ret + count > size) {
            // Linux does not re-check after the second expand; refuse instead of running off the table.
            return -Errno.ENOSPC;
        }
        setTailValue(next[ret + count - 1]);
        freeCount -= count;
        if (freeCount == 0) {
            freeTailPtr = PTR_NULL;
        }
        freeBitmap.clear(ret, ret + count);
        return ret;
    }

    private void putFreeEntryLocked(int ref) {
        if (ref < NR_RESERVED_ENTRIES) {
            return;
        }
        next[ref] = freeHead;
        freeHead = ref;
        if (freeCount == 0) {
            lastFree = ref;
        }
        if (freeTailPtr == PTR_HEAD) {
            freeTailPtr = ref;
        }
        freeCount++;
        freeBitmap.set(ref);
    }

    private void setFree(int start, int n) {
        int i;
        for (i = start; i < start + n - 1; i++) {
            next[i] = i + 1;
        }
        next[i] = LIST_END;
        if (freeCount == 0) {
            freeHead = start;
            freeTailPtr = PTR_HEAD;
        } else {
            next[lastFree] = start;
        }
        freeCount += n;
        lastFree = i;
        freeBitmap.set(start, start + n);
    }

    /** {@code gnttab_expand}: grow by enough whole frames for {@code reqEntries}, or -ENOSPC. */
    private int expand(int reqEntries) {
        int cur = nrGrantFrames;
        int extra = (reqEntries + GREFS_PER_FRAME - 1) / GREFS_PER_FRAME;
        if (cur + extra > maxFrames) {
            log.add(String.format("xen/grant-table: max_grant_frames reached cur=%d extra=%d limit=%d"
                    + " gnttab_free_count=%d req_entries=%d", cur, extra, maxFrames, freeCount, reqEntries));
            return -Errno.ENOSPC;
        }
        // grow_gnttab_list
        int extraEntries = extra * GREFS_PER_FRAME;
        setFree(size, extraEntries);
        if (freeTailPtr == PTR_NULL) {
            freeTailPtr = size;
        }
        nrGrantFrames = cur + extra;
        size += extraEntries;
        return 0;
    }

    // ------------------------------------------------------------------ hypervisor (backend) side

    /**
     * Xen's {@code _set_status_v1} for a backend map of {@code ref}: on success pins the entry and sets
     * {@code GTF_reading} (and {@code GTF_writing} for a writable map). The caller has already checked
     * the entry; see {@link XenGrantTranslator#pin}.
     */
    void pin(int ref, boolean write) {
        long p = shared[ref];
        int flags = GrantEntry.flagsOf(p) | GrantFlags.GTF_READING | (write ? GrantFlags.GTF_WRITING : 0);
        shared[ref] = (p & ~0xffffL) | flags;
        if (write) {
            writePins[ref]++;
        } else {
            readPins[ref]++;
        }
    }

    /** Drops one backend pin; clears {@code GTF_writing} / {@code GTF_reading} when the last goes. */
    boolean unpin(int ref, boolean write) {
        if (!exists(ref)) {
            return false;
        }
        int[] pins = write ? writePins : readPins;
        if (pins[ref] == 0) {
            return false;
        }
        pins[ref]--;
        long p = shared[ref];
        int flags = GrantEntry.flagsOf(p);
        if (writePins[ref] == 0) {
            flags &= ~GrantFlags.GTF_WRITING;
        }
        if (writePins[ref] == 0 && readPins[ref] == 0) {
            flags &= ~GrantFlags.GTF_READING;
        }
        shared[ref] = (p & ~0xffffL) | flags;
        return true;
    }

    boolean pinned(int ref) {
        return readPins[ref] + writePins[ref] > 0;
    }

    private static void checkFrameAndDomid(long frame, int domid) {
        if (frame < 0 || frame > 0xffff_ffffL) {
            throw new IllegalArgumentException("GFN does not fit a v1 grant entry: 0x" + Long.toHexString(frame));
        }
        if (domid < 0 || domid > 0xffff) {
            throw new IllegalArgumentException("domid out of range: " + domid);
        }
    }

    private void checkRef(long ref) {
        if (!exists(ref)) {
            throw new IllegalArgumentException("grant ref 0x" + Long.toHexString(ref) + " outside table of "
                    + size + " entries");
        }
    }
}
