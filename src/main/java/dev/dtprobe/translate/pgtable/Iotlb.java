package dev.dtprobe.translate.pgtable;

import java.util.Arrays;

/**
 * A direct-mapped IOTLB in one {@code long[]} of interleaved (tag, data) pairs, with QEMU's
 * IOTLB semantics (translators.md §6.2, §6.4) and the layout of §7.3.
 *
 * <p><b>Keys.</b> QEMU keys an entry by (asid, vmid, iova aligned to the mapping, tg, level). Here
 * the caller first resolves (asid, vmid, granule) to a small context id with {@link #context}
 * (once per domain, outside the hot path); an entry is keyed by (context, iova &gt;&gt; granule
 * shift, generation of the context). A block mapping is cached as the granule-sized piece that
 * was accessed, carrying the block's size and level, so a lookup is one probe rather than one
 * per level. Invalidation still matches QEMU: an entry is removed when the invalidated range
 * intersects the <em>whole mapping</em> the entry came from (block included).
 *
 * <p><b>Invalidation.</b> By context/ASID/VMID or all: O(1) per context by bumping the
 * context's generation. By address range: exact probes when the range is at most
 * {@value #EXACT_PROBE_LIMIT} granules and the context has no block entries; otherwise one scan
 * of the array.
 *
 * <p>Lookups allocate nothing and never throw. Single-threaded (one TLB per simulated TBU or
 * per simulation thread).
 */
public final class Iotlb {
    /** Returned by {@link #lookup} on a miss (a negative value that no fault code uses). */
    public static final long MISS = -1L;
    /** Wildcard for ASID/VMID in invalidation commands (e.g. TLBI_NH_VAA, S2-only entries). */
    public static final int ANY = Integer.MIN_VALUE;
    public static final int MAX_CONTEXTS = 4095;
    static final int EXACT_PROBE_LIMIT = 64;

    private static final int CTX_SHIFT = 40, GEN_SHIFT = 52;
    private static final long VPN_LIMIT = 1L << CTX_SHIFT;
    private static final int GEN_MASK = 0xfff;

    private final long[] e;
    private final int setMask;
    private int nctx;
    private final int[] ctxAsid = new int[MAX_CONTEXTS];
    private final int[] ctxVmid = new int[MAX_CONTEXTS];
    private final int[] ctxShift = new int[MAX_CONTEXTS];
    private final long[] ctxTag = new long[MAX_CONTEXTS];   // ctx << 40 | gen << 52
    /** ctxTag | granule shift in bits [5:0]: everything a lookup needs in one load. */
    private final long[] ctxWord = new long[MAX_CONTEXTS];
    private final int[] ctxBlocks = new int[MAX_CONTEXTS];  // block entries filled since last flush
    private long misses;

    /** @param sets number of entries (a power of two, e.g. 1024 or 4096). */
    public Iotlb(int sets) {
        if (sets < 1 || Integer.bitCount(sets) != 1) throw new IllegalArgumentException("sets must be a power of two");
        e = new long[sets * 2];
        setMask = sets - 1;
        Arrays.fill(e, -1L); // tag -1 never matches: context 4095 is never handed out
    }

    public int sets() { return setMask + 1; }

    /** The context id for (asid, vmid, granule shift): existing or new. Use asid -1 for S2-only. */
    public int context(int asid, int vmid, int pgShift) {
        for (int c = 0; c < nctx; c++) {
            if (ctxAsid[c] == asid && ctxVmid[c] == vmid && ctxShift[c] == pgShift) return c;
        }
        if (nctx == MAX_CONTEXTS) throw new IllegalStateException("too many IOTLB contexts");
        int c = nctx++;
        ctxAsid[c] = asid;
        ctxVmid[c] = vmid;
        ctxShift[c] = pgShift;
        ctxTag[c] = (long) c << CTX_SHIFT;
        ctxWord[c] = ctxTag[c] | ctxShift[c];
        return c;
    }

    private int index(long vpn, int ctx) {
        return (((int) vpn ^ ctx * 0x9E3779B9) & setMask) << 1;
    }

    /**
     * Cached translation for iova in context ctx and the given access, or {@link #MISS}. A hit
     * whose cached permissions do not allow the access returns F_PERMISSION at the entry's level
     * (QEMU checks permissions on hits too).
     */
    public long lookup(int ctx, long iova, int access) {
        long w = ctxWord[ctx];
        int sh = (int) w & 63;
        long vpn = iova >>> sh;
        int i = index(vpn, ctx);
        final long[] a = e;
        if (a[i] != (vpn | (w ^ sh)) || (iova >>> 52) != 0) {
            misses++;
            return MISS;
        }
        long d = a[i + 1];
        if ((access & ~(int) (d >>> 58)) != 0) return Xlate.fault(Xlate.F_PERMISSION, (int) (d >>> 61) & 3);
        return d | (iova & ((1L << sh) - 1));
    }

    /** Insert the OK result of a walk for iova (faults are never cached). */
    public void fill(int ctx, long iova, long result) {
        if (result < 0) return;
        int sh = ctxShift[ctx];
        long vpn = iova >>> sh;
        if (vpn >= VPN_LIMIT) return;
        int i = index(vpn, ctx);
        e[i] = vpn | ctxTag[ctx];
        e[i + 1] = result & ~((1L << sh) - 1);
        if (Xlate.sizeShift(result) > sh) ctxBlocks[ctx]++;
    }

    /** Lookups that missed (hits are not counted, to keep the hit path store-free). */
    public long misses() { return misses; }

    /** Number of live entries (scans; for tests and statistics). */
    public int liveEntries() {
        int n = 0;
        for (int i = 0; i < e.length; i += 2) {
            long t = e[i];
            if (t == -1L) continue;
            int c = (int) (t >>> CTX_SHIFT) & 0xfff;
            if (c < nctx && (t & ~(VPN_LIMIT - 1)) == ctxTag[c]) n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ invalidation

    /** Drop every entry of one context: O(1), a generation bump. */
    public void invalidateContext(int ctx) {
        int gen = (int) (ctxTag[ctx] >>> GEN_SHIFT) + 1 & GEN_MASK;
        if (gen == 0) {
            // generation wrapped: old entries could match again, so clear this context's entries
            long prefix = (long) ctx << CTX_SHIFT;
            for (int i = 0; i < e.length; i += 2) {
                if (e[i] != -1L && ((e[i] >>> CTX_SHIFT) & 0xfff) == ctx) {
                    e[i] = -1L;
                }
            }
            ctxTag[ctx] = prefix;
            ctxWord[ctx] = ctxTag[ctx] | ctxShift[ctx];
        } else {
            ctxTag[ctx] = (long) ctx << CTX_SHIFT | (long) gen << GEN_SHIFT;
            ctxWord[ctx] = ctxTag[ctx] | ctxShift[ctx];
        }
        ctxBlocks[ctx] = 0;
    }

    /** TLBI_NH_ALL / TLBI_NSNH_ALL / IPMMU whole-context flush of everything. */
    public void invalidateAll() {
        for (int c = 0; c < nctx; c++) invalidateContext(c);
    }

    /** TLBI_NH_ASID (asid, optionally restricted to vmid; pass {@link #ANY} for any VMID). */
    public void invalidateAsid(int asid, int vmid) {
        for (int c = 0; c < nctx; c++) {
            if (ctxAsid[c] == asid && (vmid == ANY || ctxVmid[c] == vmid)) invalidateContext(c);
        }
    }

    /** TLBI_S12_VMALL: every entry tagged with vmid. */
    public void invalidateVmid(int vmid) {
        for (int c = 0; c < nctx; c++) if (ctxVmid[c] == vmid) invalidateContext(c);
    }

    /**
     * TLBI_NH_VA / TLBI_NH_VAA ({@code asid == ANY}) / TLBI_S2_IPA (asid -1 or ANY): remove every
     * entry of the matching contexts whose mapping intersects [iova, iova + size).
     */
    public void invalidateVa(int asid, int vmid, long iova, long size) {
        for (int c = 0; c < nctx; c++) {
            if ((asid == ANY || ctxAsid[c] == asid) && (vmid == ANY || ctxVmid[c] == vmid)) {
                invalidateRange(c, iova, size);
            }
        }
    }

    /** Remove entries of one context whose mapping intersects [iova, iova + size). */
    public void invalidateRange(int ctx, long iova, long size) {
        if (size <= 0) return;
        int sh = ctxShift[ctx];
        long first = iova >>> sh;
        long last = (iova + size - 1) >>> sh;
        long tagBits = ctxTag[ctx];
        if (ctxBlocks[ctx] == 0 && last - first < EXACT_PROBE_LIMIT) {
            for (long vpn = first; vpn <= last; vpn++) {
                int i = index(vpn, ctx);
                if (e[i] == (vpn | tagBits)) e[i] = -1L;
            }
            return;
        }
        long end = iova + size - 1;
        for (int i = 0; i < e.length; i += 2) {
            long t = e[i];
            if (t == -1L || (t & ~(VPN_LIMIT - 1)) != tagBits) continue;
            long vpn = t & (VPN_LIMIT - 1);
            long mapSize = 1L << Xlate.sizeShift(e[i + 1]);
            long mapStart = (vpn << sh) & -mapSize;
            long mapEnd = mapStart + mapSize - 1;
            if (mapStart <= end && iova <= mapEnd) e[i] = -1L;
        }
    }
}
