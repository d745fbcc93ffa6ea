package dev.dtprobe.translate.pgtable;

/**
 * Memory per mapped 4K page for the core and the baselines, with the benchmark's page sets.
 * Run: java -Xmx8g -cp target/dtprobe-benchmarks.jar dev.dtprobe.translate.pgtable.Footprint [n]
 */
public final class Footprint {
    private Footprint() {}

    static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int[] pages = Workloads.pages(n, 3);
        long base = used();
        LpaePageTable t = Workloads.coreTable(pages);
        long core = used() - base;
        System.out.printf("core: tables %.2f B/page, arena array %.2f B/page, heap delta %.2f B/page (%d live tables)%n",
                (double) t.tableBytes() / n, (double) t.arenaBytes() / n, (double) core / n, t.liveTables());
        t = null;
        base = used();
        java.util.HashMap<Long, Long> h = Workloads.hashMap(pages);
        long hm = used() - base;
        System.out.printf("HashMap<Long,Long>: heap delta %.2f B/page (size %d)%n", (double) hm / n, h.size());
        h = null;
        base = used();
        java.util.TreeMap<Long, Workloads.Range> tm = Workloads.treeMap(pages);
        long tr = used() - base;
        System.out.printf("TreeMap<Long,Range>: heap delta %.2f B/page (size %d)%n", (double) tr / n, tm.size());
    }
}
