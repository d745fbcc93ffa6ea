package dev.dtprobe.translate.pgtable;

import java.util.Arrays;

/**
 * One translation context's part of an {@link Iotlb}: a 4-way set-associative cache in one
 * {@code long[]}, each set 4 (tag, data) pairs = 8 longs = 64 bytes, the layout of
 * translators.md §7.3 item 2 (Java does not align arrays to cache lines, so a set may straddle
 * two).
 *
 * <p>Because a slice belongs to one (ASID, VMID, granule) context, a tag needs no context bits
 * and a lookup reads no per-context table: a page's home slot is its page number masked by the
 * slice size, and a page that sits in its home way hits with one compare. A tag is the IOVA
 * of the cached granule with the context's generation in bits [11:3] and the <em>denied</em>
 * permissions in bits [2:0] (Xlate's R, W, X), so the compare checks the page, the generation
 * and the access at once: {@code ((tag ^ key) & (~7 | access)) == 0}. Zero is never a live tag
 * (generations start at 1), so a fresh array is empty.
 *
 * <p>A block mapping is cached as the granule-sized piece that was accessed, carrying the
 * block's size and level, so a lookup is one probe, not one per level (QEMU probes per level).
 * Data words are the walk's {@link Xlate} result with the in-granule offset cleared.
 */
public final class TlbSlice {
    static final int WAYS = 4;
    private static final int GEN_SHIFT = 3, GEN_MAX = 511;
    private static final long GEN_FIELD = (long) GEN_MAX << GEN_SHIFT;
    private static final long DENIED = 7;

    final int asid, vmid, pgShift;
    private final long[] e;
    private final int setMask;
    private final int slotMask;   // 4 x sets - 1: a page's home slot is its page number & slotMask
    private final long offMask;
    private long genBits = 1L << GEN_SHIFT;
    private int blockEntries;     // block pieces filled since the last full flush
    private int victim;           // round-robin replacement when a set is full
    private long misses;

    TlbSlice(int asid, int vmid, int pgShift, int entries) {
        int sets = Math.max(1, entries / WAYS);
        if (Integer.bitCount(sets) != 1) throw new IllegalArgumentException("entries must be a power of two");
        this.asid = asid;
        this.vmid = vmid;
        this.pgShift = pgShift;
        this.e = new long[sets * 2 * WAYS];
        this.setMask = sets - 1;
        this.slotMask = sets * WAYS - 1;
        this.offMask = (1L << pgShift) - 1;
    }

    /**
     * First long of the set of iova: page-number bits [log2(sets)+1:2], so the 4 pages of an
     * aligned group of 4 share a set (one 64-byte line for 4 consecutive pages).
     */
    private int setIndex(long iova) {
        return ((int) (iova >>> pgShift) >>> 2 & setMask) << 3;
    }

    /**
     * The way a page goes to first: its page-number bits [1:0]. Set and home way together are
     * the page number's low bits, so only pages that would share a slot in a direct-mapped TLB
     * of the same size compete for a home way.
     */
    private int homeWay(long iova) {
        return ((int) (iova >>> pgShift) & WAYS - 1) << 1;
    }

    /**
     * Cached translation for iova and the given access ({@link Xlate#R} | W | X), or
     * {@link Iotlb#MISS}. A hit whose cached permissions deny the access returns F_PERMISSION at
     * the entry's level, as QEMU checks permissions on hits too.
     *
     * <p>The hit path probes the page's home way only: one compare whose outcome does not depend
     * on the order of earlier fills, so the branch stays predictable on random hot sets. A page
     * that found its home way taken lives in another way of the set and is found by
     * {@link #otherWays}.
     */
    public long lookup(long iova, int access) {
        final long[] a = e;
        int i = ((int) (iova >>> pgShift) & slotMask) << 1; // = setIndex + homeWay
        if (((a[i] ^ (iova & ~offMask | genBits)) & (~DENIED | access)) == 0) return a[i + 1] | iova & offMask;
        return otherWays(iova, access);
    }

    /** The rest of the set, then the permission check, off the hit path. */
    private long otherWays(long iova, int access) {
        int i = setIndex(iova);
        long key = iova & ~offMask | genBits;
        long m = ~DENIED | access;
        for (int w = i; w < i + 2 * WAYS; w += 2) {
            if (((e[w] ^ key) & m) == 0) return e[w + 1] | iova & offMask;
        }
        for (int w = i; w < i + 2 * WAYS; w += 2) {
            if (((e[w] ^ key) & ~DENIED) == 0) return Xlate.fault(Xlate.F_PERMISSION, Xlate.level(e[w + 1]));
        }
        misses++;
        return Iotlb.MISS;
    }

    /** Insert the OK result of a walk for iova (faults are never cached). */
    public void fill(long iova, long result) {
        if (result < 0) return;
        int i = setIndex(iova);
        long key = iova & ~offMask | genBits;
        int way = -1;
        for (int k = 0; k < WAYS && way < 0; k++) {
            int w = i + (homeWay(iova) + 2 * k & 2 * WAYS - 1); // home way first
            long t = e[w];
            if ((t & GEN_FIELD) != genBits || (t & ~DENIED) == key) way = w; // free, stale or same page
        }
        if (way < 0) {
            victim = victim + 1 & WAYS - 1;
            way = i + 2 * victim;
        }
        e[way] = key | ~Xlate.perm(result) & DENIED;
        e[way + 1] = result & ~offMask;
        if (Xlate.sizeShift(result) > pgShift) blockEntries++;
    }

    /** Lookups that missed (hits are not counted, to keep the hit path store-free). */
    public long misses() { return misses; }

    /** Number of live entries (scans; for tests and statistics). */
    public int liveEntries() {
        int n = 0;
        for (int w = 0; w < e.length; w += 2) if ((e[w] & GEN_FIELD) == genBits) n++;
        return n;
    }

    /** Drop every entry: O(1), a generation bump (the array is cleared when it wraps). */
    public void invalidateAll() {
        long gen = (genBits >>> GEN_SHIFT) + 1;
        if (gen > GEN_MAX) {
            Arrays.fill(e, 0);
            gen = 1;
        }
        genBits = gen << GEN_SHIFT;
        blockEntries = 0;
    }

    /**
     * Remove entries whose mapping (the whole block for block entries, as QEMU does) intersects
     * [iova, iova + size): exact probes when the range is at most {@value Iotlb#EXACT_PROBE_LIMIT}
     * granules and no block is cached, otherwise one scan of the slice.
     */
    public void invalidateRange(long iova, long size) {
        if (size <= 0) return;
        long first = iova >>> pgShift;
        long last = (iova + size - 1) >>> pgShift;
        if (blockEntries == 0 && last - first < Iotlb.EXACT_PROBE_LIMIT) {
            for (long vpn = first; vpn <= last; vpn++) {
                long page = vpn << pgShift;
                int i = setIndex(page);
                for (int w = i; w < i + 2 * WAYS; w += 2) {
                    if ((e[w] & ~DENIED) == (page | genBits)) e[w] = 0;
                }
            }
            return;
        }
        long end = iova + size - 1;
        for (int w = 0; w < e.length; w += 2) {
            long t = e[w];
            if ((t & GEN_FIELD) != genBits) continue;
            long mapSize = 1L << Xlate.sizeShift(e[w + 1]);
            long mapStart = (t & ~offMask) & -mapSize;
            if (mapStart <= end && iova <= mapStart + mapSize - 1) e[w] = 0;
        }
    }
}
