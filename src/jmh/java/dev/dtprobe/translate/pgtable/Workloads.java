package dev.dtprobe.translate.pgtable;

import java.util.SplittableRandom;

/** Seeded page sets and address streams shared by the benchmarks and the footprint tool. */
final class Workloads {
    private Workloads() {}

    static final long IOVA_BASE = 0x10_0000_0000L; // 64 GB: above the first L0 slot's low tables
    static final long PA_BASE = 0x1_0000_0000L;

    /**
     * n distinct 4K page numbers (relative to IOVA_BASE) drawn from a span of n * 21/20 pages,
     * rounded up to 512 (1e7 pages over 40 GB of IOVA: 95 % dense, as in translators.md B3).
     */
    static int[] pages(int n, long seed) {
        int span = (int) (((long) n * 21 / 20 + 511) & ~511L);
        int[] all = new int[span];
        for (int i = 0; i < span; i++) all[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(span - i);
            int t = all[i]; all[i] = all[j]; all[j] = t;
        }
        int[] out = new int[n];
        System.arraycopy(all, 0, out, 0, n);
        return out;
    }

    /** Pages 0..n-1: n consecutive IOVA pages, as the IOVA allocator hands out one buffer. */
    static int[] contiguousPages(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }

    /** Scattered PA frame for page i (a bijection on 2^24 frames). */
    static long paFor(int i) {
        return PA_BASE + (((long) i * 0x9E3779B1L) & 0xff_ffffL) * 4096;
    }

    static long iova(int page) { return IOVA_BASE + (long) page * 4096; }

    /** 2^bits random addresses inside the given pages (random page, random offset). */
    static long[] addresses(int[] pages, int bits, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] a = new long[1 << bits];
        for (int i = 0; i < a.length; i++) a[i] = iova(pages[rnd.nextInt(pages.length)]) + rnd.nextInt(4096);
        return a;
    }

    static LpaePageTable coreTable(int[] pages) {
        LpaePageTable t = new LpaePageTable(LpaeConfig.stage1(4096, 48, 48));
        for (int i = 0; i < pages.length; i++) {
            int rc = t.mapPage(iova(pages[i]), paFor(i), 4096, LpaePageTable.IOMMU_READ | LpaePageTable.IOMMU_WRITE);
            if (rc != 0) throw new IllegalStateException("map failed: " + rc);
        }
        return t;
    }

    static java.util.HashMap<Long, Long> hashMap(int[] pages) {
        java.util.HashMap<Long, Long> m = new java.util.HashMap<>(pages.length * 4 / 3 + 16);
        for (int i = 0; i < pages.length; i++) m.put(iova(pages[i]) >>> 12, paFor(i));
        return m;
    }

    /** Range map: start -> [end, pa], one range per mapped page. */
    static final class Range {
        final long end, pa;
        Range(long end, long pa) { this.end = end; this.pa = pa; }
    }

    static java.util.TreeMap<Long, Range> treeMap(int[] pages) {
        java.util.TreeMap<Long, Range> m = new java.util.TreeMap<>();
        for (int i = 0; i < pages.length; i++) {
            long s = iova(pages[i]);
            m.put(s, new Range(s + 4096, paFor(i)));
        }
        return m;
    }
}
