package dev.dtprobe.translate.pgtable;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Lookup-path benchmarks for the translation core against HashMap/TreeMap baselines
 * (translators.md §7.4 B1, B2, B3/B6, B4). Addresses come from pre-generated seeded arrays;
 * each invocation does {@value #BATCH} independent lookups at a masked cursor and returns the
 * sum of the results ({@code @OperationsPerInvocation}, so the scores are per lookup and the
 * per-call harness cost of a few ns is spread over the batch, for core and baselines alike).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC"})
@OperationsPerInvocation(LookupBench.BATCH)
public class LookupBench {
    static final int ADDR_BITS = 20;
    static final int ADDR_MASK = (1 << ADDR_BITS) - 1;
    static final int BATCH = 1024;

    // ---------------------------------------------------------------- B1 TLB hit

    /**
     * 1e3 mapped pages, a 1024-entry TLB (256 sets x 4 ways, 16 KB); 256 hot pages, all cached,
     * looked up in a random order over 2^16 pre-generated addresses (random page, random offset)
     * so that neither the branch predictor nor the JIT sees a short repeating pattern.
     * {@code random}: 256 of the mapped pages drawn at random, skipping any that would put a
     * fifth page in a set (a working set that fits the TLB); {@code contiguous}: 256 consecutive
     * mapped IOVA pages, as the IOVA allocator hands out a DMA buffer.
     */
    @State(Scope.Benchmark)
    public static class Hot {
        static final int HOT = 256, TLB_ENTRIES = 1024, SETS = TLB_ENTRIES / 4;
        @Param({"random", "contiguous"})
        public String hot;
        CachedTranslator core;
        HashMap<Long, Long> map;
        long[] addr;
        int cursor;

        @Setup(Level.Trial)
        public void setup() {
            int[] pages = hot.equals("random") ? Workloads.pages(1000, 1) : Workloads.contiguousPages(1000);
            core = new CachedTranslator(Workloads.coreTable(pages), new Iotlb(TLB_ENTRIES), 1, 0, false);
            map = Workloads.hashMap(pages);
            int[] hotPages = new int[HOT];
            int[] perSet = new int[SETS];
            int k = 0;
            for (int p : pages) {
                int set = (int) (Workloads.iova(p) >>> 14) & SETS - 1; // TlbSlice: page-number bits above the 2 way bits
                if (perSet[set] < 4) { perSet[set]++; hotPages[k++] = p; if (k == HOT) break; }
            }
            addr = Workloads.addresses(hotPages, ADDR_BITS_HOT, 2);
            for (long a : addr) core.translate(a, Xlate.R);
            long misses = core.tlb().misses();
            for (long a : addr) core.translate(a, Xlate.R);
            if (misses != HOT || core.tlb().misses() != misses) throw new IllegalStateException("hot set does not stay in the TLB");
        }
    }

    static final int ADDR_BITS_HOT = 16;

    @Benchmark
    public long tlbHit(Hot s) {
        CachedTranslator c = s.core;
        long[] addr = s.addr;
        int at = s.cursor;
        s.cursor = at + BATCH & (1 << ADDR_BITS_HOT) - 1;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += c.translate(addr[at + i], Xlate.R);
        return sum;
    }

    @Benchmark
    public long tlbHitHashMapBaseline(Hot s) {
        HashMap<Long, Long> m = s.map;
        long[] addr = s.addr;
        int at = s.cursor;
        s.cursor = at + BATCH & (1 << ADDR_BITS_HOT) - 1;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += hashLookup(m, addr[at + i]);
        return sum;
    }

    static long hashLookup(HashMap<Long, Long> m, long a) {
        Long v = m.get(a >>> 12);
        return v == null ? -1 : v | (a & 0xfff);
    }

    static long treeLookup(TreeMap<Long, Workloads.Range> m, long a) {
        Map.Entry<Long, Workloads.Range> e = m.floorEntry(a);
        if (e == null) return -1;
        Workloads.Range r = e.getValue();
        return a < r.end ? r.pa + (a - e.getKey()) : -1;
    }

    // ---------------------------------------------------------------- B2/B3/B6 random walks

    @State(Scope.Benchmark)
    public static class Pages {
        @Param({"1000", "100000", "10000000"})
        public int n;
        int[] pages;
        long[] addr;
        int cursor;

        void init() {
            pages = Workloads.pages(n, 3);
            addr = Workloads.addresses(pages, ADDR_BITS, 4);
        }
    }

    @State(Scope.Benchmark)
    public static class CorePages extends Pages {
        LpaePageTable table;

        @Setup(Level.Trial)
        public void setup() { init(); table = Workloads.coreTable(pages); pages = null; }
    }

    @State(Scope.Benchmark)
    public static class HashPages extends Pages {
        HashMap<Long, Long> map;

        @Setup(Level.Trial)
        public void setup() { init(); map = Workloads.hashMap(pages); pages = null; }
    }

    @State(Scope.Benchmark)
    public static class TreePages extends Pages {
        TreeMap<Long, Workloads.Range> map;

        @Setup(Level.Trial)
        public void setup() { init(); map = Workloads.treeMap(pages); pages = null; }
    }

    /** Page-table walk, no TLB: 4 levels (4K granule, IAS 48). n = 1000 is the hot walk (B2). */
    @Benchmark
    public long walkRandom(CorePages s) {
        LpaePageTable t = s.table;
        long[] addr = s.addr;
        int c = s.cursor;
        s.cursor = c + BATCH & ADDR_MASK;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += t.translate(addr[c + i], Xlate.R);
        return sum;
    }

    @Benchmark
    public long walkRandomHashMapBaseline(HashPages s) {
        HashMap<Long, Long> m = s.map;
        long[] addr = s.addr;
        int c = s.cursor;
        s.cursor = c + BATCH & ADDR_MASK;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += hashLookup(m, addr[c + i]);
        return sum;
    }

    @Benchmark
    public long walkRandomTreeMapBaseline(TreePages s) {
        TreeMap<Long, Workloads.Range> m = s.map;
        long[] addr = s.addr;
        int c = s.cursor;
        s.cursor = c + BATCH & ADDR_MASK;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += treeLookup(m, addr[c + i]);
        return sum;
    }

    // ---------------------------------------------------------------- B4 sequential stream

    /** 1e6 4K pages mapped contiguously in IOVA (scattered PAs); IOVA += 64 B per op. */
    @State(Scope.Benchmark)
    public static class Stream {
        static final int PAGES = 1 << 20;
        static final long SPAN_MASK = (long) PAGES * 4096 - 1;
        CachedTranslator core;
        HashMap<Long, Long> map;
        TreeMap<Long, Workloads.Range> tree;
        long off;

        int[] pages() {
            int[] p = new int[PAGES];
            for (int i = 0; i < PAGES; i++) p[i] = i;
            return p;
        }
    }

    @State(Scope.Benchmark)
    public static class CoreStream extends Stream {
        @Setup(Level.Trial)
        public void setup() { core = new CachedTranslator(Workloads.coreTable(pages()), new Iotlb(4096), 1, 0, false); }
    }

    @State(Scope.Benchmark)
    public static class HashStream extends Stream {
        @Setup(Level.Trial)
        public void setup() { map = Workloads.hashMap(pages()); }
    }

    @State(Scope.Benchmark)
    public static class TreeStream extends Stream {
        @Setup(Level.Trial)
        public void setup() { tree = Workloads.treeMap(pages()); }
    }

    @Benchmark
    public long sequentialStream(CoreStream s) {
        CachedTranslator t = s.core;
        long off = s.off;
        s.off = off + BATCH * 64L & Stream.SPAN_MASK;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += t.translate(Workloads.IOVA_BASE + off + i * 64L, Xlate.R);
        return sum;
    }

    @Benchmark
    public long sequentialStreamHashMapBaseline(HashStream s) {
        HashMap<Long, Long> m = s.map;
        long off = s.off;
        s.off = off + BATCH * 64L & Stream.SPAN_MASK;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += hashLookup(m, Workloads.IOVA_BASE + off + i * 64L);
        return sum;
    }

    @Benchmark
    public long sequentialStreamTreeMapBaseline(TreeStream s) {
        TreeMap<Long, Workloads.Range> m = s.tree;
        long off = s.off;
        s.off = off + BATCH * 64L & Stream.SPAN_MASK;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) sum += treeLookup(m, Workloads.IOVA_BASE + off + i * 64L);
        return sum;
    }
}
