package dev.dtprobe.translate.pgtable;

import java.util.HashMap;
import java.util.Map;

/**
 * QEMU's SMMU IOTLB as a reference model (translators.md §6.2, §9 case 16): a hash table keyed
 * by (asid, vmid, page-aligned iova, level) holding at most {@link #MAX_SIZE} entries, flushed
 * entirely (no LRU) when an insertion would exceed that. dtprobe's own {@link Iotlb} is the fast
 * core; this class exists to reproduce what a QEMU guest sees, and as a baseline.
 */
public final class QemuIotlb {
    /** {@code SMMU_IOTLB_MAX_SIZE}. */
    public static final int MAX_SIZE = 256;

    private record Key(int asid, int vmid, long iova, int level) {
    }

    private final Map<Key, Long> entries = new HashMap<>();
    private long misses;
    private long flushes;

    /** The cached result for iova, probing each level as QEMU does, or {@link Iotlb#MISS}. */
    public long lookup(int asid, int vmid, long iova, int pgShift, int levels) {
        for (int level = 4 - levels; level <= 3; level++) {
            int shift = pgShift + (3 - level) * (pgShift - 3);
            Long hit = entries.get(new Key(asid, vmid, iova & ~((1L << shift) - 1), level));
            if (hit != null) {
                return hit | (iova & ((1L << shift) - 1));
            }
        }
        misses++;
        return Iotlb.MISS;
    }

    /** {@code smmu_iotlb_insert}: a full table is flushed before the new entry goes in. */
    public void insert(int asid, int vmid, long iova, long result) {
        if (Xlate.isFault(result)) {
            return;
        }
        if (entries.size() >= MAX_SIZE) {
            entries.clear();
            flushes++;
        }
        int shift = Xlate.sizeShift(result);
        long base = iova & ~((1L << shift) - 1);
        entries.put(new Key(asid, vmid, base, Xlate.level(result)), result & ~((1L << shift) - 1));
    }

    public int size() {
        return entries.size();
    }

    public long misses() {
        return misses;
    }

    public long flushes() {
        return flushes;
    }
}
