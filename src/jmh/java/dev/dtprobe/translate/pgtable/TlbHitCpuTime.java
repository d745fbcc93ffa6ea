package dev.dtprobe.translate.pgtable;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;

/**
 * A cross-check of {@link LookupBench}'s TLB-hit pair that is robust to a shared machine: the
 * same states and loops, timed by the thread's CPU time (time spent descheduled does not count),
 * core and HashMap rounds interleaved so both see the same load. Prints min and median ns per
 * lookup over the rounds, and the bytes allocated per lookup (whether the JIT removed the
 * HashMap's key boxing in this run).
 *
 * <pre>java -cp target/dtprobe-benchmarks.jar dev.dtprobe.translate.pgtable.TlbHitCpuTime [rounds]</pre>
 */
public final class TlbHitCpuTime {
    private static final int PASSES = 64; // 64 x 2^16 lookups per round
    static volatile long sink;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (String pattern : new String[] {"random", "contiguous"}) {
            LookupBench.Hot s = new LookupBench.Hot();
            s.hot = pattern;
            s.setup();
            double[] core = new double[rounds], map = new double[rounds];
            long coreBytes = 0, mapBytes = 0;
            for (int w = 0; w < 5; w++) { coreRound(s); mapRound(s); } // warm-up (JIT)
            for (int r = 0; r < rounds; r++) {
                long b0 = mx.getThreadAllocatedBytes(tid);
                long t0 = mx.getCurrentThreadCpuTime();
                sink += coreRound(s);
                long t1 = mx.getCurrentThreadCpuTime();
                long b1 = mx.getThreadAllocatedBytes(tid);
                sink += mapRound(s);
                long t2 = mx.getCurrentThreadCpuTime();
                long b2 = mx.getThreadAllocatedBytes(tid);
                coreBytes += b1 - b0;
                mapBytes += b2 - b1;
                double ops = (double) PASSES * s.addr.length;
                core[r] = (t1 - t0) / ops;
                map[r] = (t2 - t1) / ops;
            }
            Arrays.sort(core);
            Arrays.sort(map);
            double total = (double) rounds * PASSES * s.addr.length;
            System.out.printf(Locale.ROOT, "%-10s core    min %.2f  median %.2f ns/op  %.2f B/op%n", pattern, core[0],
                    core[rounds / 2], coreBytes / total);
            System.out.printf(Locale.ROOT, "%-10s HashMap min %.2f  median %.2f ns/op  %.2f B/op  (median ratio %.1fx)%n",
                    pattern, map[0], map[rounds / 2], mapBytes / total, map[rounds / 2] / core[rounds / 2]);
        }
    }

    private static long coreRound(LookupBench.Hot s) {
        CachedTranslator c = s.core;
        long[] addr = s.addr;
        long sum = 0;
        for (int p = 0; p < PASSES; p++) {
            for (int i = 0; i < addr.length; i++) sum += c.translate(addr[i], Xlate.R);
        }
        return sum;
    }

    private static long mapRound(LookupBench.Hot s) {
        HashMap<Long, Long> m = s.map;
        long[] addr = s.addr;
        long sum = 0;
        for (int p = 0; p < PASSES; p++) {
            for (int i = 0; i < addr.length; i++) sum += LookupBench.hashLookup(m, addr[i]);
        }
        return sum;
    }
}
