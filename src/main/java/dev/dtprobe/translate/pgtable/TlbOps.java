package dev.dtprobe.translate.pgtable;

/**
 * The io-pgtable TLB callbacks ({@code struct iommu_flush_ops}) that the page table calls while
 * it unmaps: {@code tlb_flush_walk} when a table is removed (or a block is split) and
 * {@code tlb_add_page} for each leaf it clears (strict mode). SMMUv2, SMMUv3 and IPMMU implement
 * them differently (translators.md §1.5, §2.7, §4.4).
 */
public interface TlbOps {
    void flushWalk(long iova, long size, long granule);

    void addPage(long iova, long granule);

    TlbOps NONE = new TlbOps() {
        @Override public void flushWalk(long iova, long size, long granule) {}
        @Override public void addPage(long iova, long granule) {}
    };
}
