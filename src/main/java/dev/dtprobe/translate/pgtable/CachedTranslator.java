package dev.dtprobe.translate.pgtable;

/**
 * One translation context: an {@link LpaePageTable} behind its {@link Iotlb} context's
 * {@link TlbSlice}.
 *
 * <p>Two fidelity modes (translators.md §7.3 item 6):
 * <ul>
 * <li><b>architectural</b>: the TLB keeps whatever it cached until the model issues an
 *     invalidation ({@link #tlbiVa}, {@link #tlbiContext}, or the {@link Iotlb} methods), so a
 *     driver that forgets a TLBI sees stale translations as on hardware;</li>
 * <li><b>coherent</b>: the page table's unmap callbacks ({@code tlb_add_page},
 *     {@code tlb_flush_walk}) invalidate this context's entries at once.</li>
 * </ul>
 */
public final class CachedTranslator {
    private final LpaePageTable table;
    private final Iotlb tlb;
    private final TlbSlice slice;
    private final int ctx;
    private final boolean coherent;

    public CachedTranslator(LpaePageTable table, Iotlb tlb, int asid, int vmid, boolean coherent) {
        this.table = table;
        this.tlb = tlb;
        this.ctx = tlb.context(asid, vmid, table.config().pgShift);
        this.slice = tlb.slice(ctx);
        this.coherent = coherent;
        if (coherent) {
            table.setTlbOps(new TlbOps() {
                @Override public void flushWalk(long iova, long size, long granule) { slice.invalidateRange(iova, size); }
                @Override public void addPage(long iova, long granule) { slice.invalidateRange(iova, granule); }
            });
        }
    }

    public LpaePageTable table() { return table; }

    public Iotlb tlb() { return tlb; }

    public int contextId() { return ctx; }

    public boolean coherent() { return coherent; }

    /** TLB probe, then walk and fill on a miss. Returns an {@link Xlate} code; never allocates. */
    public long translate(long iova, int access) {
        long r = slice.lookup(iova, access);
        return r != Iotlb.MISS ? r : miss(iova, access);
    }

    /** The walk and fill, kept out of {@link #translate} so that the hit path stays small. */
    private long miss(long iova, int access) {
        long r = table.translate(iova, access);
        if (r >= 0) slice.fill(iova, r);
        return r;
    }

    /** Invalidate this context's entries that intersect [iova, iova + size). */
    public void tlbiVa(long iova, long size) { slice.invalidateRange(iova, size); }

    /** Invalidate all of this context's entries. */
    public void tlbiContext() { slice.invalidateAll(); }
}
