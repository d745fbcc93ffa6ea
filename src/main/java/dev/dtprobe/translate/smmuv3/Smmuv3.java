package dev.dtprobe.translate.smmuv3;

import static dev.dtprobe.translate.smmuv3.Smmuv3Defs.*;

import dev.dtprobe.translate.pgtable.Iotlb;
import dev.dtprobe.translate.pgtable.LpaePageTable;
import dev.dtprobe.translate.pgtable.Xlate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of an ARM SMMUv3 (translators.md §2, with QEMU's translate path of §6 as reference).
 *
 * <p>Software programs it through {@link #writeReg}/{@link #readReg} and the structures in
 * {@link GuestMemory}: stream table (linear or 2-level), STEs, CD tables, command queue, event
 * queue. Architectural caching:
 * <ul>
 * <li>Valid STEs and CDs are cached when first used (invalid or illegal ones are never cached),
 *     so changing a live STE or CD has no effect until CFGI_STE / CFGI_CD (or CFGI_ALL) and a
 *     CMD_SYNC.</li>
 * <li>Successful walks fill an {@link Iotlb} tagged by (ASID, VMID, granule); an unmap stays
 *     visible until TLBI_NH_VA / TLBI_S2_IPA / TLBI_NH_ASID / ... and a CMD_SYNC.</li>
 * <li>Invalidation commands take effect at the next CMD_SYNC (the pessimistic reading of "an
 *     invalidation is only guaranteed complete after a SYNC"), so a missing SYNC is visible.</li>
 * </ul>
 * Single-threaded. Not modelled: nested (Config 7 gives C_BAD_STE), stall mode, PRI, ATS,
 * MSIs and interrupts, TTB1, big-endian structures, GERROR.
 */
public final class Smmuv3 {
    /** Transaction without a SubstreamID. */
    public static final int NO_SSID = -1;

    private final GuestMemory mem;
    private final int idr0, idr1, idr3, idr5;
    private int cr0, gbpa;
    private long strtabBase, strtabBaseCfg, cmdqBase, evtqBase;
    private int cmdqProd, cmdqCons, evtqProd, evtqCons;
    private boolean evtqOverflow;

    private final Map<Integer, Ste> steCache = new HashMap<>();
    private final Map<Long, Cd> cdCache = new HashMap<>();
    private final Iotlb tlb;
    private final List<Runnable> pendingInvalidations = new ArrayList<>();
    private long syncs, commands;

    /** Decoded STE (cached). */
    private record Ste(int config, int s1fmt, long s1ctxPtr, int s1cdmax, int s1dss, int vmid, int s2t0sz,
                       int s2tg, long s2ttb, boolean s2r, boolean s2affd, int s2ctx) {}

    /** Decoded CD (cached). */
    private record Cd(int t0sz, int tg0, long ttb0, int asid, boolean record, boolean epd0, int ctx) {}

    /**
     * @param sidBits IDR1.SIDSIZE
     * @param ssidBits IDR1.SSIDSIZE
     * @param twoLevel IDR0.ST_LVL = 2-level supported
     * @param s1 IDR0.S1P
     * @param s2 IDR0.S2P
     */
    public Smmuv3(GuestMemory mem, int sidBits, int ssidBits, boolean twoLevel, boolean s1, boolean s2) {
        this.mem = mem;
        this.idr0 = (s2 ? IDR0_S2P : 0) | (s1 ? IDR0_S1P : 0) | IDR0_TTF_AARCH64 | IDR0_ASID16 | IDR0_VMID16
                | IDR0_CD2L | (twoLevel ? IDR0_ST_LVL_2LVL : 0);
        this.idr1 = sidBits & 0x3f | (ssidBits & 0x1f) << 6 | 8 << 11 | 8 << 16 | 8 << 21; // PRIQS, EVTQS, CMDQS [15:11] [20:16] [25:21]
        this.idr3 = IDR3_RIL;
        this.idr5 = 5 | IDR5_GRAN4K | IDR5_GRAN64K; // OAS 48
        this.tlb = new Iotlb(1024);
    }

    /** IDR1.SIDSIZE of the default model: what dtprobe assumes when the DT cannot say. */
    public static final int DEFAULT_SID_BITS = 16;

    /** 16-bit SIDs, 20-bit SSIDs, 2-level stream table, S1 and S2. */
    public Smmuv3(GuestMemory mem) { this(mem, DEFAULT_SID_BITS, 20, true, true, true); }

    public GuestMemory memory() { return mem; }

    public Iotlb iotlb() { return tlb; }

    public long syncsCompleted() { return syncs; }

    public long commandsConsumed() { return commands; }

    // ================================================================ registers

    public long readReg(int off) {
        off &= ~PAGE1;
        return switch (off) {
            case IDR0 -> idr0;
            case IDR1 -> idr1;
            case IDR3 -> idr3;
            case IDR5 -> idr5;
            case CR0, CR0ACK -> cr0;
            case GBPA -> gbpa;
            case STRTAB_BASE -> strtabBase;
            case STRTAB_BASE_CFG -> strtabBaseCfg;
            case CMDQ_BASE -> cmdqBase;
            case CMDQ_PROD -> cmdqProd;
            case CMDQ_CONS -> cmdqCons;
            case EVTQ_BASE -> evtqBase;
            case EVTQ_PROD -> evtqProd | (evtqOverflow ? 1 << 31 : 0);
            case EVTQ_CONS -> evtqCons;
            default -> 0;
        };
    }

    public void writeReg(int off, long v) {
        off &= ~PAGE1;
        switch (off) {
            case CR0 -> cr0 = (int) v & (CR0_SMMUEN | CR0_EVTQEN | CR0_CMDQEN);
            case GBPA -> gbpa = (int) v & GBPA_ABORT; // UPDATE completes at once
            case STRTAB_BASE -> strtabBase = v;
            case STRTAB_BASE_CFG -> strtabBaseCfg = v;
            case CMDQ_BASE -> cmdqBase = v;
            case CMDQ_PROD -> { cmdqProd = (int) v; consumeCommands(); }
            case CMDQ_CONS -> cmdqCons = (int) v;
            case EVTQ_BASE -> evtqBase = v;
            case EVTQ_PROD -> evtqProd = (int) v;
            case EVTQ_CONS -> { evtqCons = (int) v; evtqOverflow = false; }
            default -> { }
        }
    }

    // ================================================================ queues

    private static int log2(long qbase) { return (int) qbase & 31; }

    private static long qaddr(long qbase) { return qbase & 0xf_ffff_ffff_ffe0L; }

    private void consumeCommands() {
        if ((cr0 & CR0_CMDQEN) == 0) return;
        int n = log2(cmdqBase);
        int mask = (1 << (n + 1)) - 1; // index + wrap bit
        while ((cmdqCons & mask) != (cmdqProd & mask) && (cmdqCons >>> 24 & 0x7f) == CMDQ_ERR_NONE) {
            long a = qaddr(cmdqBase) + (long) (cmdqCons & ((1 << n) - 1)) * CMDQ_ENT_BYTES;
            if (!execute(mem.read64(a), mem.read64(a + 8))) {
                cmdqCons = cmdqCons & mask | CMDQ_ERR_ILL << 24;
                return;
            }
            commands++;
            cmdqCons = (cmdqCons + 1) & mask;
        }
    }

    private boolean execute(long d0, long d1) {
        int op = (int) d0 & 0xff;
        int sid = (int) (d0 >>> 32);
        int asid = (int) (d0 >>> 48) & 0xffff, vmid = (int) (d0 >>> 32) & 0xffff;
        switch (op) {
            case OP_PREFETCH_CFG, OP_ATC_INV, OP_PRI_RESP, OP_RESUME -> { }
            case OP_CFGI_STE -> pendingInvalidations.add(() -> invalidateSid(sid));
            case OP_CFGI_STE_RANGE -> {
                int range = (int) d1 & 31;
                if (range == 31) pendingInvalidations.add(() -> { steCache.clear(); cdCache.clear(); });
                else {
                    long m = (1L << (range + 1)) - 1;
                    long lo = sid & 0xffff_ffffL & ~m;
                    pendingInvalidations.add(() -> { for (long s = lo; s <= lo + m; s++) invalidateSid((int) s); });
                }
            }
            case OP_CFGI_CD -> {
                int ssid = (int) (d0 >>> 12) & 0xfffff;
                pendingInvalidations.add(() -> cdCache.remove(cdKey(sid, ssid)));
            }
            case OP_CFGI_CD_ALL -> pendingInvalidations.add(() -> cdCache.keySet().removeIf(k -> (int) (k >>> 32) == sid));
            case OP_TLBI_NH_ALL -> pendingInvalidations.add(() -> tlb.invalidateVmid(vmid));
            case OP_TLBI_NH_ASID -> pendingInvalidations.add(() -> tlb.invalidateAsid(asid, vmid));
            case OP_TLBI_NH_VA, OP_TLBI_NH_VAA, OP_TLBI_S2_IPA -> {
                long addr = op == OP_TLBI_S2_IPA ? d1 & 0xf_ffff_ffff_f000L : d1 & ~0xfffL;
                long size = rangeSize(d0, d1);
                int a = op == OP_TLBI_NH_VA ? asid : op == OP_TLBI_S2_IPA ? -1 : Iotlb.ANY;
                pendingInvalidations.add(() -> tlb.invalidateVa(a, vmid, addr, size));
            }
            case OP_TLBI_S12_VMALL -> pendingInvalidations.add(() -> tlb.invalidateVmid(vmid));
            case OP_TLBI_EL2_ALL, OP_TLBI_EL2_ASID, OP_TLBI_EL2_VA, OP_TLBI_NSNH_ALL ->
                    pendingInvalidations.add(tlb::invalidateAll);
            case OP_CMD_SYNC -> {
                for (Runnable r : pendingInvalidations) r.run();
                pendingInvalidations.clear();
                syncs++;
            }
            default -> { return false; }
        }
        return true;
    }

    /** Bytes covered by a TLBI_NH_VA / S2_IPA: 1 (the entry holding the address) unless TG != 0. */
    private long rangeSize(long d0, long d1) {
        int tg = (int) (d1 >>> 10) & 3;
        if (tg == 0 || (idr3 & IDR3_RIL) == 0) return 1;
        long pages = ((d0 >>> 12 & 31) + 1) << (d0 >>> 20 & 31);
        return pages << (tg == 1 ? 12 : tg == 2 ? 14 : 16);
    }

    private void invalidateSid(int sid) {
        steCache.remove(sid);
        cdCache.keySet().removeIf(k -> (int) (k >>> 32) == sid);
    }

    private static long cdKey(int sid, int ssid) { return (long) sid << 32 | (ssid & 0xffff_ffffL); }

    private void record(int id, int sid, int ssid, int access, boolean s2, long iova) {
        if ((cr0 & CR0_EVTQEN) == 0) return;
        int n = log2(evtqBase);
        int mask = (1 << (n + 1)) - 1;
        int p = evtqProd & mask, c = evtqCons & mask;
        if ((p ^ c) == 1 << n) { evtqOverflow = true; return; } // full
        long a = qaddr(evtqBase) + (long) (p & ((1 << n) - 1)) * EVT_BYTES;
        long[] r = new Smmuv3Event(id, sid, ssid, (access & Xlate.W) == 0, s2, iova, s2 ? iova : 0).encode();
        for (int i = 0; i < 4; i++) mem.write64(a + 8L * i, r[i]);
        evtqProd = (p + 1) & mask;
    }

    /** Records between EVTQ_CONS and EVTQ_PROD, without consuming them. */
    public List<Smmuv3Event> peekEvents() {
        List<Smmuv3Event> out = new ArrayList<>();
        int n = log2(evtqBase);
        int mask = (1 << (n + 1)) - 1;
        for (int c = evtqCons & mask; c != (evtqProd & mask); c = (c + 1) & mask) {
            long a = qaddr(evtqBase) + (long) (c & ((1 << n) - 1)) * EVT_BYTES;
            out.add(Smmuv3Event.decode(mem.read64(a), mem.read64(a + 8), mem.read64(a + 16), mem.read64(a + 24)));
        }
        return out;
    }

    // ================================================================ translation

    private SmmuResult fail(int id, int sid, int ssid, int access, long iova) {
        record(id, sid, ssid, access, false, iova);
        return SmmuResult.fault(id, (cr0 & CR0_EVTQEN) != 0, false);
    }

    /**
     * One transaction: StreamID, SubstreamID ({@link #NO_SSID} for none), input address and access
     * ({@link Xlate#R}, {@link Xlate#W}, {@link Xlate#X}).
     */
    public SmmuResult translate(int sid, int ssid, long iova, int access) {
        if ((cr0 & CR0_SMMUEN) == 0) return (gbpa & GBPA_ABORT) != 0 ? SmmuResult.ABORTED : SmmuResult.bypass(iova);
        Ste ste = steCache.get(sid);
        if (ste == null) {
            long addr = findSte(sid);
            if (addr < 0) return fail((int) -addr, sid, ssid, access, iova);
            ste = decodeSte(addr);
            if (ste == null) return fail(C_BAD_STE, sid, ssid, access, iova);
            steCache.put(sid, ste);
        }
        switch (ste.config) {
            case STE_CFG_ABORT: return SmmuResult.ABORTED;
            case STE_CFG_BYPASS: return SmmuResult.bypass(iova);
            case STE_CFG_S2: {
                if (ssid != NO_SSID) return fail(C_BAD_SUBSTREAMID, sid, ssid, access, iova);
                return walk(ste.s2ctx, ste.s2ttb, 64 - ste.s2t0sz, ste.s2r, true, sid, ssid, iova, access);
            }
            default: break; // S1
        }
        int idx;
        if (ssid == NO_SSID) {
            if (ste.s1cdmax == 0) idx = 0;
            else if (ste.s1dss == S1DSS_BYPASS) return SmmuResult.bypass(iova);
            else if (ste.s1dss == S1DSS_SSID0) idx = 0;
            else return fail(F_STREAM_DISABLED, sid, ssid, access, iova);
        } else {
            if (ste.s1cdmax == 0 || ssid >>> ste.s1cdmax != 0) return fail(C_BAD_SUBSTREAMID, sid, ssid, access, iova);
            idx = ssid;
        }
        Cd cd = cdCache.get(cdKey(sid, idx));
        if (cd == null) {
            long addr = findCd(ste, idx);
            if (addr == -C_BAD_CD) return fail(C_BAD_CD, sid, ssid, access, iova);
            if (addr < 0 || !mem.backed(addr)) return fail(F_CD_FETCH, sid, ssid, access, iova);
            cd = decodeCd(addr);
            if (cd == null) return fail(C_BAD_CD, sid, ssid, access, iova);
            cdCache.put(cdKey(sid, idx), cd);
        }
        if (cd.epd0) return recordIf(cd.record, F_TRANSLATION, false, sid, ssid, access, iova);
        return walk(cd.ctx, cd.ttb0, 64 - cd.t0sz, cd.record, false, sid, ssid, iova, access);
    }

    private SmmuResult walk(int ctx, long ttb, int ias, boolean rec, boolean s2, int sid, int ssid, long iova, int access) {
        if (ias < 64 && (iova >>> ias) != 0) return recordIf(rec, F_TRANSLATION, s2, sid, ssid, access, iova);
        long r = tlb.lookup(ctx, iova, access);
        if (r == Iotlb.MISS) {
            LpaePageTable t = mem.tableAt(ttb);
            if (t == null) return recordIf(true, F_WALK_EABT, s2, sid, ssid, access, iova);
            r = t.translate(iova, access);
            if (r >= 0) tlb.fill(ctx, iova, r);
        }
        if (r >= 0) return SmmuResult.ok(r);
        int kind = Xlate.faultKind(r);
        return recordIf(rec || kind == F_WALK_EABT, kind, s2, sid, ssid, access, iova);
    }

    private SmmuResult recordIf(boolean rec, int id, boolean s2, int sid, int ssid, int access, long iova) {
        boolean on = rec && (cr0 & CR0_EVTQEN) != 0;
        if (on) record(id, sid, ssid, access, s2, iova);
        return SmmuResult.fault(id, on, s2);
    }

    /** STE address, or -(event id). */
    private long findSte(int sid) {
        int log2size = (int) strtabBaseCfg & 0x3f;
        int split = (int) (strtabBaseCfg >>> 6) & 0x1f;
        int fmt = (int) (strtabBaseCfg >>> 16) & 3;
        int sidBits = Math.min(log2size, idr1 & 0x3f);
        if ((sid & 0xffff_ffffL) >>> sidBits != 0) return -C_BAD_STREAMID;
        long base = strtabBase & 0xf_ffff_ffff_ffc0L;
        if (fmt == STRTAB_FMT_LINEAR) {
            long a = base + (long) sid * STE_BYTES;
            return mem.backed(a) ? a : -F_STE_FETCH;
        }
        long l1a = base + (long) (sid >>> split) * 8;
        if (!mem.backed(l1a)) return -F_STE_FETCH;
        long l1 = mem.read64(l1a);
        int span = (int) l1 & 0x1f;
        if (span == 0 || span > 12) return -C_BAD_STREAMID;
        int idx = sid & ((1 << split) - 1);
        if (idx >= 1 << (span - 1)) return -C_BAD_STREAMID;
        long a = (l1 & 0xf_ffff_ffff_ffc0L) + (long) idx * STE_BYTES;
        return mem.backed(a) ? a : -F_STE_FETCH;
    }

    private Ste decodeSte(long a) {
        long d0 = mem.read64(a), d1 = mem.read64(a + 8), d2 = mem.read64(a + 16), d3 = mem.read64(a + 24);
        if ((d0 & STE_0_V) == 0) return null;
        int config = (int) (d0 >>> 1) & 7;
        switch (config) {
            case STE_CFG_ABORT, STE_CFG_BYPASS -> { return new Ste(config, 0, 0, 0, 0, 0, 0, 0, 0, false, false, -1); }
            case STE_CFG_S1 -> {
                if ((idr0 & IDR0_S1P) == 0) return null;
                int cdmax = (int) (d0 >>> 59) & 31;
                int s1fmt = (int) (d0 >>> 4) & 3;
                if (cdmax > ((idr1 >>> 6) & 31) || s1fmt == 3) return null;
                return new Ste(config, s1fmt, d0 & 0xf_ffff_ffff_ffc0L, cdmax, (int) d1 & 3, 0, 0, 0, 0, false, false, -1);
            }
            case STE_CFG_S2 -> {
                if ((idr0 & IDR0_S2P) == 0 || (d2 & STE_2_S2AA64) == 0) return null;
                int vmid = (int) d2 & 0xffff;
                long vtcr = d2 >>> 32;
                int t0sz = (int) vtcr & 0x3f;
                int tgf = (int) (vtcr >>> 14) & 3;
                int pgShift = tgf == 0 ? 12 : tgf == 1 ? 16 : tgf == 2 ? 14 : -1;
                if (pgShift < 0 || t0sz < 16 || ((vtcr >>> 6) & 3) == 3) return null;
                long ttb = d3 & 0xf_ffff_ffff_fff0L;
                int ctx = tlb.context(-1, vmid, pgShift);
                return new Ste(config, 0, 0, 0, 0, vmid, t0sz, pgShift, ttb, (d2 & STE_2_S2R) != 0,
                        (d2 & STE_2_S2AFFD) != 0, ctx);
            }
            default -> { return null; } // illegal, or nested (not modelled)
        }
    }

    /** CD address, -C_BAD_CD for an invalid L1 descriptor, -F_CD_FETCH on a fetch abort. */
    private long findCd(Ste ste, int idx) {
        long base = ste.s1ctxPtr;
        if (ste.s1fmt == S1FMT_LINEAR || ste.s1cdmax == 0) return base + (long) idx * CD_BYTES;
        int l2bits = ste.s1fmt == S1FMT_4K_L2 ? 6 : 10;
        long l1a = base + (long) (idx >>> l2bits) * 8;
        if (!mem.backed(l1a)) return -F_CD_FETCH;
        long l1 = mem.read64(l1a);
        if ((l1 & CD_L1_V) == 0) return -C_BAD_CD;
        return (l1 & 0xf_ffff_ffff_f000L) + (long) (idx & ((1 << l2bits) - 1)) * CD_BYTES;
    }

    private Cd decodeCd(long a) {
        long d0 = mem.read64(a), d1 = mem.read64(a + 8);
        if ((d0 & CD_0_V) == 0 || (d0 & CD_0_AA64) == 0 || (d0 & CD_0_A) == 0 || (d0 & CD_0_S) != 0) return null;
        int t0sz = (int) d0 & 0x3f;
        int tgf = (int) (d0 >>> 6) & 3;
        int pgShift = tgf == 0 ? 12 : tgf == 1 ? 16 : tgf == 2 ? 14 : -1;
        if (pgShift < 0 || t0sz < 16 || t0sz > 39) return null;
        int asid = (int) (d0 >>> 48) & 0xffff;
        int ctx = tlb.context(asid, 0, pgShift);
        return new Cd(t0sz, pgShift, d1 & 0xf_ffff_ffff_fff0L, asid, (d0 & CD_0_R) != 0, (d0 & CD_0_EPD0) != 0, ctx);
    }
}
