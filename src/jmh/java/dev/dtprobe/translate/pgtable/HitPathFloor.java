package dev.dtprobe.translate.pgtable;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * What a TLB hit can cost at best on this machine, for reading {@link LookupBench#tlbHit}: the
 * same hot addresses and loop shape, but with nothing between the loop and the arrays.
 * <ul>
 * <li>{@code indexedLoad}: one load indexed by the page number per lookup, no check;</li>
 * <li>{@code hoistedProbe}: the IOTLB's home-way hit (tag compare against page, generation and
 *     access, then the data word) with the array, granule and generation in locals, as if the
 *     caller's loop could keep them in registers. A real translator cannot: its miss path
 *     (walk and fill) is a call inside the caller's loop, so the JIT reloads the slice's fields
 *     on every lookup.</li>
 * </ul>
 * The cached entries are built here from the same pages as {@link LookupBench.Hot}'s, in the
 * {@link TlbSlice} tag format, so the probe reads the same 16 KB.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(LookupBench.BATCH)
@State(Scope.Benchmark)
public class HitPathFloor {
    private static final int SHIFT = 12, SLOTS = LookupBench.Hot.TLB_ENTRIES;
    private static final long OFF = (1L << SHIFT) - 1, GEN = 1L << 3;

    private long[] slots;
    private long[] addr;
    private int cursor;

    @Setup(Level.Trial)
    public void setup(LookupBench.Hot hot) {
        addr = hot.addr;
        slots = new long[2 * SLOTS];
        CachedTranslator core = hot.core;
        for (long a : addr) {
            int i = ((int) (a >>> SHIFT) & SLOTS - 1) << 1;
            slots[i] = a & ~OFF | GEN;                         // tag: page, generation, nothing denied
            slots[i + 1] = core.translate(a & ~OFF, Xlate.R);  // data: the walk's result for the page
        }
    }

    private int nextBatch() {
        int at = cursor;
        cursor = at + LookupBench.BATCH & (1 << LookupBench.ADDR_BITS_HOT) - 1;
        return at;
    }

    @Benchmark
    public long indexedLoad() {
        long[] e = slots, a = addr;
        int at = nextBatch();
        long sum = 0;
        for (int i = 0; i < LookupBench.BATCH; i++) sum += e[((int) (a[at + i] >>> SHIFT) & SLOTS - 1) << 1];
        return sum;
    }

    @Benchmark
    public long hoistedProbe() {
        long[] e = slots, a = addr;
        int at = nextBatch();
        long sum = 0;
        for (int i = 0; i < LookupBench.BATCH; i++) {
            long iova = a[at + i];
            int k = ((int) (iova >>> SHIFT) & SLOTS - 1) << 1;
            sum += ((e[k] ^ (iova & ~OFF | GEN)) & (~7L | Xlate.R)) == 0 ? e[k + 1] | iova & OFF : Iotlb.MISS;
        }
        return sum;
    }
}
