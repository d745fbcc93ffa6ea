package dev.dtprobe.translate.pgtable;

import java.util.Arrays;

/**
 * An IOTLB with QEMU's IOTLB semantics (translators.md §6.2, §6.4): entries keyed by (ASID,
 * VMID, granule, IOVA), invalidated by context, ASID, VMID, address range or all.
 *
 * <p>The caller resolves (asid, vmid, granule) to a small context id with {@link #context} once
 * per domain, outside the hot path; each context owns a {@link TlbSlice} of {@link #entries()}
 * entries (4-way sets in one {@code long[]}), so a lookup touches one slice only and a hit is one
 * index computation and one compare. Translators that hold their context keep the slice itself
 * ({@link #slice}) and skip even the context-id indirection.
 *
 * <p>Invalidation by context, ASID, VMID or all is O(1) per context (a generation bump); by
 * address range it probes exactly when the range is at most {@value #EXACT_PROBE_LIMIT}
 * granules and the context cached no block, otherwise it scans the context's slice. An entry is
 * removed when the range intersects the <em>whole mapping</em> it came from (block included).
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

    private final int entries;
    private TlbSlice[] slices = new TlbSlice[8]; // grows: most translators use a few contexts
    private int nctx;

    /** @param entries entries per context (a power of two; 4 or more gives 4-way sets). */
    public Iotlb(int entries) {
        if (entries < 1 || Integer.bitCount(entries) != 1) throw new IllegalArgumentException("entries must be a power of two");
        this.entries = entries;
    }

    /** Entries per context. */
    public int entries() { return entries; }

    /** The context id for (asid, vmid, granule shift): existing or new. Use asid -1 for S2-only. */
    public int context(int asid, int vmid, int pgShift) {
        for (int c = 0; c < nctx; c++) {
            TlbSlice s = slices[c];
            if (s.asid == asid && s.vmid == vmid && s.pgShift == pgShift) return c;
        }
        if (nctx == MAX_CONTEXTS) throw new IllegalStateException("too many IOTLB contexts");
        if (nctx == slices.length) slices = Arrays.copyOf(slices, Math.min(2 * nctx, MAX_CONTEXTS));
        slices[nctx] = new TlbSlice(asid, vmid, pgShift, entries);
        return nctx++;
    }

    /** The entries of context ctx. */
    public TlbSlice slice(int ctx) { return slices[ctx]; }

    /** {@link TlbSlice#lookup} in context ctx. */
    public long lookup(int ctx, long iova, int access) { return slices[ctx].lookup(iova, access); }

    /** Insert the OK result of a walk for iova in context ctx (faults are never cached). */
    public void fill(int ctx, long iova, long result) { slices[ctx].fill(iova, result); }

    /** Lookups that missed, over all contexts. */
    public long misses() {
        long n = 0;
        for (int c = 0; c < nctx; c++) n += slices[c].misses();
        return n;
    }

    /** Number of live entries over all contexts (scans; for tests and statistics). */
    public int liveEntries() {
        int n = 0;
        for (int c = 0; c < nctx; c++) n += slices[c].liveEntries();
        return n;
    }

    // ------------------------------------------------------------------ invalidation

    /** Drop every entry of one context: O(1), a generation bump. */
    public void invalidateContext(int ctx) { slices[ctx].invalidateAll(); }

    /** TLBI_NH_ALL / TLBI_NSNH_ALL / IPMMU whole-context flush of everything. */
    public void invalidateAll() {
        for (int c = 0; c < nctx; c++) slices[c].invalidateAll();
    }

    /** TLBI_NH_ASID (asid, optionally restricted to vmid; pass {@link #ANY} for any VMID). */
    public void invalidateAsid(int asid, int vmid) {
        for (int c = 0; c < nctx; c++) {
            TlbSlice s = slices[c];
            if (s.asid == asid && (vmid == ANY || s.vmid == vmid)) s.invalidateAll();
        }
    }

    /** TLBI_S12_VMALL: every entry tagged with vmid. */
    public void invalidateVmid(int vmid) {
        for (int c = 0; c < nctx; c++) if (slices[c].vmid == vmid) slices[c].invalidateAll();
    }

    /**
     * TLBI_NH_VA / TLBI_NH_VAA ({@code asid == ANY}) / TLBI_S2_IPA (asid -1 or ANY): remove every
     * entry of the matching contexts whose mapping intersects [iova, iova + size).
     */
    public void invalidateVa(int asid, int vmid, long iova, long size) {
        for (int c = 0; c < nctx; c++) {
            TlbSlice s = slices[c];
            if ((asid == ANY || s.asid == asid) && (vmid == ANY || s.vmid == vmid)) s.invalidateRange(iova, size);
        }
    }

    /** Remove entries of one context whose mapping intersects [iova, iova + size). */
    public void invalidateRange(int ctx, long iova, long size) { slices[ctx].invalidateRange(iova, size); }
}
