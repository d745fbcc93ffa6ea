package dev.dtprobe.translate.pgtable;

import dev.dtprobe.kernel.Errno;
import java.util.Arrays;

/**
 * An ARM LPAE page table built exactly as Linux's {@code io-pgtable-arm.c} (v5.x) builds it,
 * stored in real descriptor format (translators.md §3.2) in one flat {@code long[]} arena.
 *
 * <p>A table's "physical address" is its byte offset in the arena; table descriptors hold it in
 * bits [47:12] like hardware. The walk ({@link #translate}) uses only shifts, masks and array
 * loads: no objects, no exceptions, no allocation.
 *
 * <p>Operations and their kernel counterparts:
 * <ul>
 * <li>{@link #mapPage}: {@code arm_lpae_map} for one page size ({@code ops->map}).</li>
 * <li>{@link #unmapPage}: {@code arm_lpae_unmap} for one page size, with block splitting
 *     ({@code arm_lpae_split_blk_unmap}).</li>
 * <li>{@link #map} / {@link #unmap}: the IOMMU core's {@code __iommu_map}/{@code __iommu_unmap}
 *     loops, which cut a range into the largest page sizes that alignment and the bitmap allow
 *     ({@code iommu_pgsize}) and unroll a partly failed map.</li>
 * <li>{@link #iovaToPhys}: {@code arm_lpae_iova_to_phys} (0 = not mapped).</li>
 * <li>{@link #translate}: the hardware/QEMU walk with fault kinds and fault order (§3.2, §6.3).</li>
 * </ul>
 * Not thread-safe for writers; a single writer with concurrent readers is not modelled.
 */
public final class LpaePageTable {
    // Descriptor bits (io-pgtable-arm.c names).
    public static final long PTE_TYPE_MASK = 3, PTE_TYPE_BLOCK = 1, PTE_TYPE_TABLE = 3, PTE_TYPE_PAGE = 3;
    public static final long PTE_NSTABLE = 1L << 63;
    public static final long PTE_XN = 3L << 53;
    public static final long PTE_PXN = 1L << 53, PTE_UXN = 1L << 54;
    public static final long PTE_CONT = 1L << 52;
    public static final long PTE_AF = 1L << 10;
    public static final long PTE_SH_IS = 3L << 8;
    public static final long PTE_NS = 1L << 5;
    public static final long PTE_NG = 1L << 11;
    public static final long PTE_AP_UNPRIV = 1L << 6, PTE_AP_RDONLY = 2L << 6;
    public static final long PTE_HAP_READ = 1L << 6, PTE_HAP_WRITE = 2L << 6;
    public static final long PTE_MEMATTR_OIWB = 0xfL << 2, PTE_MEMATTR_NC = 0x5L << 2, PTE_MEMATTR_DEV = 0x1L << 2;
    public static final int MAIR_ATTR_IDX_NC = 0, MAIR_ATTR_IDX_CACHE = 1, MAIR_ATTR_IDX_DEV = 2;
    public static final long PTE_ADDR_MASK = ((1L << 48) - 1) & ~0xfffL; // GENMASK(47, 12)
    /** iopte_prot(): ATTR_LO [11:2] and ATTR_HI = XN [54:53]; the Contiguous bit is dropped. */
    public static final long PTE_ATTR_MASK = (0x3ffL << 2) | (6L << 52);

    // IOMMU_* prot flags (include/linux/iommu.h).
    public static final int IOMMU_READ = 1, IOMMU_WRITE = 2, IOMMU_CACHE = 4, IOMMU_NOEXEC = 8,
            IOMMU_MMIO = 16, IOMMU_PRIV = 32;

    private final LpaeConfig cfg;
    private final boolean s1;
    private final boolean pg64k;
    private final int startLevel;
    private final int ias, oas, pgShift;
    private final int tableLongs;
    /** Per level: shift and index mask (ARM_LPAE_LVL_SHIFT / LVL_IDX). */
    private final int[] shift = new int[4];
    private final long[] idxMask = new long[4];
    /** Per level: a block/page descriptor is allowed there. */
    private final boolean[] leafOk = new boolean[4];
    private final int sh0, sh1, sh2, sh3;
    private final long mk0, mk1, mk2, mk3;

    private long[] mem;
    private int top;          // first unused long index
    private int[] freeTables = new int[64];
    private int freeCount;
    private int liveTables;
    private final int pgd;    // long index of the PGD
    private boolean afFaultDisable;
    private TlbOps tlb = TlbOps.NONE;

    public LpaePageTable(LpaeConfig cfg) {
        this.cfg = cfg;
        this.s1 = cfg.stage == LpaeConfig.Stage.S1;
        this.pg64k = cfg.pgShift == 16;
        this.startLevel = cfg.startLevel;
        this.ias = cfg.ias;
        this.oas = cfg.oas;
        this.pgShift = cfg.pgShift;
        this.tableLongs = 1 << cfg.bitsPerLevel;
        for (int l = 0; l < 4; l++) {
            shift[l] = cfg.levelShift(l);
            idxMask[l] = (1L << (cfg.bitsPerLevel + (l == startLevel ? cfg.pgdBits - cfg.bitsPerLevel : 0))) - 1;
            leafOk[l] = cfg.leafAllowed(l);
        }
        sh0 = shift[0]; sh1 = shift[1]; sh2 = shift[2]; sh3 = shift[3];
        mk0 = idxMask[0]; mk1 = idxMask[1]; mk2 = idxMask[2]; mk3 = idxMask[3];
        int pgdLongs = Math.max(cfg.pgdEntries(), tableLongs);
        // Arena offset 0 is never a table, so no table descriptor points at PA 0; the PGD is
        // aligned to its own size like TTBR/VTTBR require.
        mem = new long[Math.max(pgdLongs * 2, 1 << 16)];
        pgd = pgdLongs;
        top = pgd + pgdLongs;
        liveTables = 1;
    }

    public LpaeConfig config() { return cfg; }

    /** Install the TLB callbacks that unmap calls (default: none). */
    public void setTlbOps(TlbOps ops) { this.tlb = ops == null ? TlbOps.NONE : ops; }

    /** CD.AFFD / hardware AF update: when set, AF = 0 does not fault. Linux always sets AF anyway. */
    public void setAccessFlagFaultDisable(boolean affd) { this.afFaultDisable = affd; }

    /** Byte address of the PGD (what TTBR0 / VTTBR would hold). */
    public long pgdAddress() { return (long) pgd << 3; }

    /** Bytes of arena in use by live tables, the PGD included (free-listed tables excluded). */
    public long tableBytes() { return (long) (top - pgd - freeCount * tableLongs) * 8; }

    /** Bytes reserved by the arena array. */
    public long arenaBytes() { return (long) mem.length * 8; }

    public int liveTables() { return liveTables; }

    // ------------------------------------------------------------------ descriptors

    /** Raw descriptor read at a byte address (tests, debugging, models that inspect tables). */
    public long readDescriptor(long byteAddress) { return mem[(int) (byteAddress >>> 3)]; }

    /** Raw descriptor write (lets tests and models build descriptors Linux never builds, e.g. AF = 0). */
    public void writeDescriptor(long byteAddress, long desc) { mem[(int) (byteAddress >>> 3)] = desc; }

    /** Byte address of the descriptor slot that maps iova at the given level, or -1 if no table reaches there. */
    public long descriptorAddress(long iova, int level) {
        int base = pgd;
        for (int l = startLevel; ; l++) {
            int slot = base + (int) ((iova >>> shift[l]) & idxMask[l]);
            if (l == level) return (long) slot << 3;
            long d = mem[slot];
            if ((d & PTE_TYPE_MASK) != PTE_TYPE_TABLE || l == 3) return -1;
            base = (int) (toPaddr(d) >>> 3);
        }
    }

    private long paddrToPte(long pa) {
        return pg64k ? (pa | (pa >>> (48 - 12))) & PTE_ADDR_MASK : pa & PTE_ADDR_MASK;
    }

    private long toPaddr(long pte) {
        long pa = pte & PTE_ADDR_MASK;
        return pg64k ? (pa | (pa << (48 - 12))) & (PTE_ADDR_MASK << 4) : pa;
    }

    private boolean isLeaf(long pte, int lvl) {
        return lvl == 3 ? (pte & PTE_TYPE_MASK) == PTE_TYPE_PAGE : (pte & PTE_TYPE_MASK) == PTE_TYPE_BLOCK;
    }

    /** arm_lpae_prot_to_pte (v5.x). */
    public long protToPte(int prot) {
        long pte;
        if (s1) {
            pte = PTE_NG;
            if ((prot & IOMMU_WRITE) == 0 && (prot & IOMMU_READ) != 0) pte |= PTE_AP_RDONLY;
            if ((prot & IOMMU_PRIV) == 0) pte |= PTE_AP_UNPRIV;
            if ((prot & IOMMU_MMIO) != 0) pte |= (long) MAIR_ATTR_IDX_DEV << 2;
            else if ((prot & IOMMU_CACHE) != 0) pte |= (long) MAIR_ATTR_IDX_CACHE << 2;
        } else {
            pte = 0; // HAP_FAULT
            if ((prot & IOMMU_READ) != 0) pte |= PTE_HAP_READ;
            if ((prot & IOMMU_WRITE) != 0) pte |= PTE_HAP_WRITE;
            if ((prot & IOMMU_MMIO) != 0) pte |= PTE_MEMATTR_DEV;
            else if ((prot & IOMMU_CACHE) != 0) pte |= PTE_MEMATTR_OIWB;
            else pte |= PTE_MEMATTR_NC;
        }
        if ((prot & IOMMU_NOEXEC) != 0) pte |= PTE_XN;
        return pte;
    }

    /** __arm_lpae_init_pte: type by level, AF, SH_IS, output address. */
    private void initPte(long pa, long prot, int lvl, int slot) {
        long pte = prot | (lvl == 3 ? PTE_TYPE_PAGE : PTE_TYPE_BLOCK) | PTE_AF | PTE_SH_IS | paddrToPte(pa);
        mem[slot] = pte;
    }

    // ------------------------------------------------------------------ table arena

    private int allocTable() {
        liveTables++;
        if (freeCount > 0) {
            int t = freeTables[--freeCount];
            Arrays.fill(mem, t, t + tableLongs, 0L);
            return t;
        }
        int t = top;
        long need = (long) t + tableLongs;
        if (need > mem.length) {
            long n = Math.max(need, (long) mem.length * 2);
            if (n > Integer.MAX_VALUE - 16) n = Integer.MAX_VALUE - 16;
            if (need > n) { liveTables--; return -1; }
            mem = Arrays.copyOf(mem, (int) n);
        }
        top = t + tableLongs;
        return t;
    }

    private void freeTable(int t) {
        liveTables--;
        if (freeCount == freeTables.length) freeTables = Arrays.copyOf(freeTables, freeCount * 2);
        freeTables[freeCount++] = t;
    }

    /** __arm_lpae_free_pgtable: free a table at level lvl and every table below it. */
    private void freePgtable(int lvl, int t) {
        if (lvl < 3) {
            for (int i = 0; i < tableLongs; i++) {
                long pte = mem[t + i];
                if (pte != 0 && !isLeaf(pte, lvl)) freePgtable(lvl + 1, (int) (toPaddr(pte) >>> 3));
            }
        }
        freeTable(t);
    }

    private long tableDesc(int t) { return paddrToPte((long) t << 3) | PTE_TYPE_TABLE; }

    // ------------------------------------------------------------------ lookup

    /**
     * Walk for one access ({@link Xlate#R}/{@link Xlate#W}/{@link Xlate#X}, ORed); returns an
     * {@link Xlate} code. Fault order (QEMU, §3.2): invalid/reserved descriptor gives
     * F_TRANSLATION, then AF = 0 gives F_ACCESS, then permission, then output address at or above
     * 2^OAS gives F_ADDR_SIZE. All transactions are treated as privileged (S1 AP[1] ignored, PXN
     * checked for X). An IOVA at or above 2^IAS gives F_TRANSLATION at the start level.
     */
    public long translate(long iova, int access) {
        if ((iova >>> ias) != 0) return Xlate.fault(Xlate.F_TRANSLATION, startLevel);
        // Unrolled from the start level (the levels fall through); per-level shifts and masks
        // are final fields, so the only dependent loads are the descriptors themselves.
        final long[] m = mem;
        long d;
        long next = pgd;
        switch (startLevel) {
            case 0:
                d = m[(int) next + (int) ((iova >>> sh0) & mk0)];
                if ((d & 3) != 3) return leafOrFault(d, iova, 0, access);
                if ((next = nextTable(d, m)) < 0) return Xlate.fault(Xlate.F_WALK_EABT, 1);
                // fall through
            case 1:
                d = m[(int) next + (int) ((iova >>> sh1) & mk1)];
                if ((d & 3) != 3) return leafOrFault(d, iova, 1, access);
                if ((next = nextTable(d, m)) < 0) return Xlate.fault(Xlate.F_WALK_EABT, 2);
                // fall through
            case 2:
                d = m[(int) next + (int) ((iova >>> sh2) & mk2)];
                if ((d & 3) != 3) return leafOrFault(d, iova, 2, access);
                if ((next = nextTable(d, m)) < 0) return Xlate.fault(Xlate.F_WALK_EABT, 3);
                // fall through
            default:
                d = m[(int) next + (int) ((iova >>> sh3) & mk3)];
                if ((d & 3) != 3) return Xlate.fault(Xlate.F_TRANSLATION, 3); // invalid or reserved 0b01
                return leaf(d, iova, 3, access);
        }
    }

    /** Arena index of the table a table descriptor points at, or -1 if outside the arena. */
    private long nextTable(long d, long[] m) {
        long next = toPaddr(d) >>> 3;
        return next < m.length ? next : -1;
    }

    /** A non-table descriptor at levels 0-2: invalid, or a block (allowed at this level or not). */
    private long leafOrFault(long d, long iova, int lvl, int access) {
        if ((d & 1) == 0 || !leafOk[lvl]) return Xlate.fault(Xlate.F_TRANSLATION, lvl);
        return leaf(d, iova, lvl, access);
    }

    private long leaf(long d, long iova, int lvl, int access) {
        if ((d & PTE_AF) == 0 && !afFaultDisable) return Xlate.fault(Xlate.F_ACCESS, lvl);
        int perm;
        if (s1) {
            perm = Xlate.R | ((d & PTE_AP_RDONLY) == 0 ? Xlate.W : 0) | ((d & PTE_PXN) == 0 ? Xlate.X : 0);
        } else {
            perm = (int) (d >>> 6) & 3 | ((d & PTE_UXN) == 0 ? Xlate.X : 0);
        }
        if ((access & ~perm) != 0) return Xlate.fault(Xlate.F_PERMISSION, lvl);
        int sh = shift[lvl];
        long mask = (1L << sh) - 1;
        long pa = toPaddr(d) & ~mask;
        if ((pa >>> oas) != 0) return Xlate.fault(Xlate.F_ADDR_SIZE, lvl);
        return Xlate.ok(pa | (iova & mask), sh, perm, lvl);
    }

    /** arm_lpae_iova_to_phys: the PA, or 0 when not mapped (no permission or AF check). */
    public long iovaToPhys(long iova) {
        if ((iova >>> ias) != 0) return 0;
        int base = pgd;
        for (int lvl = startLevel; lvl < 4; lvl++) {
            long d = mem[base + (int) ((iova >>> shift[lvl]) & idxMask[lvl])];
            if (d == 0) return 0;
            if (isLeaf(d, lvl)) {
                long mask = (1L << shift[lvl]) - 1;
                return toPaddr(d) | (iova & mask);
            }
            if (lvl == 3) return 0;
            base = (int) (toPaddr(d) >>> 3);
        }
        return 0;
    }

    // ------------------------------------------------------------------ map

    /**
     * {@code arm_lpae_map} for one page size: 0 on success, {@link Errno#EEXIST} if a leaf is
     * already there (the mapping is unchanged), {@link Errno#EINVAL} if size is not exactly one
     * supported page size or iova/pa are not aligned to it (the IOMMU core guarantees alignment),
     * {@link Errno#ERANGE} if iova is at or above 2^IAS or pa at or above 2^OAS. A prot with
     * neither READ nor WRITE maps nothing and returns 0. Mapping a block over a table unmaps and
     * frees the table first (v5.x {@code arm_lpae_init_pte}).
     */
    public int mapPage(long iova, long pa, long size, int prot) {
        if ((prot & (IOMMU_READ | IOMMU_WRITE)) == 0) return 0;
        if (size == 0 || Long.bitCount(size) != 1 || (size & cfg.pgsizeBitmap) != size) return -Errno.EINVAL;
        if ((iova >>> ias) != 0 || (pa >>> oas) != 0) return -Errno.ERANGE;
        if (((iova | pa) & (size - 1)) != 0) return -Errno.EINVAL;
        long pte = protToPte(prot);
        int base = pgd;
        for (int lvl = startLevel; ; lvl++) {
            int slot = base + (int) ((iova >>> shift[lvl]) & idxMask[lvl]);
            if (size == 1L << shift[lvl]) {
                long old = mem[slot];
                if (isLeaf(old, lvl)) return -Errno.EEXIST;
                if ((old & PTE_TYPE_MASK) == PTE_TYPE_TABLE) {
                    // v5.x: unmap and free the old table before overwriting it with a block
                    mem[slot] = 0;
                    tlb.flushWalk(iova, size, 1L << pgShift);
                    freePgtable(lvl + 1, (int) (toPaddr(old) >>> 3));
                }
                initPte(pa, pte, lvl, slot);
                return 0;
            }
            if (lvl >= 3) return -Errno.EINVAL; // can't allocate tables at the final level
            long d = mem[slot];
            if (d == 0) {
                int t = allocTable();
                if (t < 0) return -Errno.ENOMEM;
                d = tableDesc(t);
                mem[slot] = d;
            } else if (isLeaf(d, lvl)) {
                return -Errno.EEXIST; // "We require an unmap first"
            }
            base = (int) (toPaddr(d) >>> 3);
        }
    }

    /** iommu_pgsize (v5.x): the largest supported page size that fits size and the alignment of addrMerge. */
    public long pgsize(long addrMerge, long size) {
        int idx = 63 - Long.numberOfLeadingZeros(size);
        if (addrMerge != 0) idx = Math.min(idx, Long.numberOfTrailingZeros(addrMerge));
        long mask = (idx >= 63 ? -1L : (1L << (idx + 1)) - 1) & cfg.pgsizeBitmap;
        if (mask == 0) throw new IllegalStateException("no page size fits"); // BUG_ON in Linux
        return Long.highestOneBit(mask);
    }

    /**
     * {@code iommu_map}: {@link Errno#EINVAL} unless iova, pa and size are aligned to the
     * granule; then map the range in the largest page sizes alignment allows, stopping at the
     * first error and unmapping what this call mapped before returning the error.
     */
    public int map(long iova, long pa, long size, int prot) {
        long min = 1L << pgShift;
        if (((iova | pa | size) & (min - 1)) != 0) return -Errno.EINVAL;
        long origIova = iova, left = size;
        int rc = 0;
        while (left != 0) {
            long pg = pgsize(iova | pa, left);
            rc = mapPage(iova, pa, pg, prot);
            if (rc != 0) break;
            iova += pg;
            pa += pg;
            left -= pg;
        }
        if (rc != 0 && left != size) unmap(origIova, size - left);
        return rc;
    }

    // ------------------------------------------------------------------ unmap

    /**
     * {@code arm_lpae_unmap} for one page size: returns the bytes unmapped (size), or 0 if size
     * is not one supported page size, iova is out of range, or nothing is mapped there (WARN in
     * Linux).
     *
     * <p>At the level whose block size equals size the entry is cleared: a table below it is
     * freed after {@code tlb_flush_walk(iova, size, granule)}; a leaf gets
     * {@code tlb_add_page(iova, size)}. If a larger block covers iova instead, it is split
     * ({@code arm_lpae_split_blk_unmap}): a table for the next level is filled with leaves for
     * every piece of the block ({@code iopte_prot} keeps attributes [11:2] and XN; Contiguous
     * and software bits are dropped) at {@code blockPA + i * splitSize}, skipping the slot being
     * unmapped when size equals the split size; the table replaces the block; then either
     * {@code tlb_add_page(iova, size)} for the skipped slot, or, when size is smaller still, the
     * unmap recurses into the new table, which splits again. No other TLB maintenance is done
     * for the rest of the block (its pieces keep the same output addresses).
     */
    public long unmapPage(long iova, long size) {
        if (size == 0 || Long.bitCount(size) != 1 || (size & cfg.pgsizeBitmap) != size) return 0;
        if ((iova >>> ias) != 0) return 0;
        return unmapAt(iova, size, startLevel, pgd);
    }

    private long unmapAt(long iova, long size, int lvl, int base) {
        while (true) {
            if (lvl == 4) return 0;
            int slot = base + (int) ((iova >>> shift[lvl]) & idxMask[lvl]);
            long pte = mem[slot];
            if (pte == 0) return 0;
            if (size == 1L << shift[lvl]) {
                mem[slot] = 0;
                if (!isLeaf(pte, lvl)) {
                    tlb.flushWalk(iova, size, 1L << pgShift);
                    freePgtable(lvl + 1, (int) (toPaddr(pte) >>> 3));
                } else {
                    tlb.addPage(iova, size);
                }
                return size;
            }
            if (isLeaf(pte, lvl)) return splitBlockUnmap(iova, size, pte, lvl + 1, slot);
            if (lvl == 3) return 0;
            base = (int) (toPaddr(pte) >>> 3);
            lvl++;
        }
    }

    private long splitBlockUnmap(long iova, long size, long blkPte, int lvl, int blkSlot) {
        if (lvl == 4) return 0;
        int t = allocTable();
        if (t < 0) return 0;
        long splitSz = 1L << shift[lvl];
        int unmapIdx = size == splitSz ? (int) ((iova >>> shift[lvl]) & idxMask[lvl]) : -1;
        long blkPa = toPaddr(blkPte) & ~((1L << shift[lvl - 1]) - 1);
        long prot = blkPte & PTE_ATTR_MASK;
        for (int i = 0; i < tableLongs; i++, blkPa += splitSz) {
            if (i == unmapIdx) continue;
            initPte(blkPa, prot, lvl, t + i);
        }
        mem[blkSlot] = tableDesc(t);
        if (unmapIdx >= 0) {
            tlb.addPage(iova, size);
            return size;
        }
        return unmapAt(iova, size, lvl, t);
    }

    /**
     * {@code iommu_unmap}: 0 unless iova and size are granule-aligned; then unmap in
     * {@code iommu_pgsize(iova, remaining)} pieces until one unmaps nothing. Returns the bytes
     * unmapped.
     */
    public long unmap(long iova, long size) {
        long min = 1L << pgShift;
        if (((iova | size) & (min - 1)) != 0) return 0;
        long done = 0;
        while (done < size) {
            long pg = pgsize(iova, size - done);
            long n = unmapPage(iova, pg);
            if (n == 0) break;
            iova += n;
            done += n;
        }
        return done;
    }
}
