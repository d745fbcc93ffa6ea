package dev.dtprobe.translate.smmuv3;

import dev.dtprobe.translate.pgtable.LpaePageTable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The memory the SMMU reads its structures from (stream table, CDs, queues), as sparse 64-bit
 * words, plus a bump allocator the driver side uses like {@code dmam_alloc_coherent}.
 *
 * <p>Page tables are not copied into this memory: each {@link LpaePageTable} keeps its own arena,
 * and {@link #placeTable} gives it a window of physical addresses, so that a CD's TTB0 or an STE's
 * S2TTB (window base + the table's {@code pgdAddress()}) names it. The SMMU resolves a TTB with
 * {@link #tableAt}. Reads at or above {@link #size()} are external aborts (F_STE_FETCH,
 * F_CD_FETCH).
 */
public final class GuestMemory {
    private static final long TABLE_WINDOW = 1L << 32;
    private static final long TABLE_BASE = 1L << 44;

    private final long size;
    private final Map<Long, long[]> pages = new HashMap<>();
    private final TreeMap<Long, LpaePageTable> tables = new TreeMap<>();
    private long brk = 0x8000_0000L;
    private long nextWindow = TABLE_BASE;

    /** @param size bytes of RAM the SMMU can fetch from (addresses [0, size)). */
    public GuestMemory(long size) { this.size = size; }

    public GuestMemory() { this(1L << 40); }

    public long size() { return size; }

    public boolean backed(long addr) { return addr >= 0 && addr < size; }

    public long read64(long addr) {
        long[] p = pages.get(addr >>> 12);
        return p == null ? 0 : p[(int) (addr >>> 3) & 511];
    }

    public void write64(long addr, long v) {
        pages.computeIfAbsent(addr >>> 12, k -> new long[512])[(int) (addr >>> 3) & 511] = v;
    }

    /** Zeroed, aligned allocation (alignment a power of two, at least 8). */
    public long alloc(long bytes, long align) {
        long a = (brk + align - 1) & -align;
        brk = a + bytes;
        for (long x = a; x < a + bytes; x += 8) {
            long[] p = pages.get(x >>> 12);
            if (p != null) p[(int) (x >>> 3) & 511] = 0;
        }
        return a;
    }

    /** Give a page table a physical window; returns its TTB (window base + PGD offset). */
    public long placeTable(LpaePageTable t) {
        long base = nextWindow;
        nextWindow += TABLE_WINDOW;
        tables.put(base, t);
        return base + t.pgdAddress();
    }

    /** The page table whose PGD is at ttb, or null (a walk then gets an external abort). */
    public LpaePageTable tableAt(long ttb) {
        Map.Entry<Long, LpaePageTable> e = tables.floorEntry(ttb);
        if (e == null || ttb - e.getKey() != e.getValue().pgdAddress()) return null;
        return e.getValue();
    }

    /** Remove a table's window (after the domain is freed). */
    public void removeTable(LpaePageTable t) {
        tables.values().removeIf(v -> v == t);
    }
}
