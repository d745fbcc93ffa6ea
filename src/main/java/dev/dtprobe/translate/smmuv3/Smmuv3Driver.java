package dev.dtprobe.translate.smmuv3;

import static dev.dtprobe.translate.smmuv3.Smmuv3Defs.*;

import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.LpaeConfig;
import dev.dtprobe.translate.pgtable.LpaePageTable;
import dev.dtprobe.translate.pgtable.TlbOps;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver side: programs an {@link Smmuv3} the way Linux's {@code arm-smmu-v3.c} (v5.x) does.
 *
 * <ul>
 * <li>{@link #probe}: stream table (2-level with SPLIT 8 when IDR0.ST_LVL allows and SIDSIZE &gt; 8,
 *     L1 capped at 1 MB; else linear, every STE abort or bypass), command and event queues,
 *     CFGI_ALL + TLBI_NSNH_ALL + SYNC, then EVTQEN and SMMUEN.</li>
 * <li>{@link #allocDomain}: a DMA domain (S1 if the SMMU has S1, else S2) with its own LPAE table,
 *     ASID from [1, 2^16) or VMID from [1, 2^16), lowest free.</li>
 * <li>{@link #attach}: L2 stream table allocated lazily, CD table (per domain, linear up to 1024
 *     CDs, else 2-level with 64K leaves), STE written as Linux does: dwords 1-7, CFGI_STE + SYNC,
 *     dword 0, CFGI_STE + SYNC.</li>
 * <li>{@link #map}: page table only (no TLBI). {@link #unmap}: TLBI_NH_VA (S1) or TLBI_S2_IPA (S2)
 *     per leaf cleared, non-leaf for removed tables, then SYNC.</li>
 * </ul>
 */
public final class Smmuv3Driver {
    public enum Stage { S1, S2 }

    /** An iommu_domain of type DMA (translated). */
    public final class Domain {
        public final Stage stage;
        public final int asid;  // S1, else 0
        public final int vmid;  // S2, else 0
        final LpaePageTable table;
        final long ttb;
        final List<Integer> sids = new ArrayList<>();
        long cdTable = -1;      // S1: CD table base
        int s1cdmax;
        int s1fmt;
        final Map<Integer, Long> cdL2 = new HashMap<>();
        final Map<Integer, Domain> pasids = new HashMap<>();
        private final List<long[]> gather = new ArrayList<>();

        Domain(Stage stage, int asid, int vmid, LpaeConfig cfg) {
            this.stage = stage;
            this.asid = asid;
            this.vmid = vmid;
            this.table = new LpaePageTable(cfg);
            this.ttb = mem.placeTable(table);
            table.setTlbOps(new TlbOps() {
                @Override public void flushWalk(long iova, long size, long granule) {
                    for (long a = iova; a < iova + size; a += granule) gather.add(new long[] {a, 0});
                }
                @Override public void addPage(long iova, long granule) { gather.add(new long[] {iova, 1}); }
            });
        }

        public LpaePageTable pageTable() { return table; }

        public List<Integer> streams() { return List.copyOf(sids); }
    }

    private final Smmuv3 smmu;
    private final GuestMemory mem;
    private final boolean disableBypass;
    private int sidBits, ssidBits, asidBits, vmidBits, oas;
    private boolean twoLevel, hasS1, hasS2;
    private long strtab;
    private int l1Shift;
    private final Map<Integer, Long> l2Tables = new HashMap<>();
    private final BitSet asids = new BitSet(), vmids = new BitSet();
    private final Map<Integer, Domain> attached = new HashMap<>();
    private long cmdqBase;
    private int cmdqLog2, evtqLog2 = 7;
    private long evtqBase;

    /** @param disableBypass the historical module parameter (default true): unattached streams abort. */
    public Smmuv3Driver(Smmuv3 smmu, boolean disableBypass) {
        this.smmu = smmu;
        this.mem = smmu.memory();
        this.disableBypass = disableBypass;
    }

    public Smmuv3Driver(Smmuv3 smmu) { this(smmu, true); }

    public boolean twoLevelStreamTable() { return twoLevel; }

    public long streamTableBase() { return strtab; }

    /** Address of the L2 stream table covering sid, or -1 (2-level only). */
    public long l2Table(int sid) { return l2Tables.getOrDefault(sid >>> STRTAB_SPLIT, -1L); }

    // ================================================================ probe

    public void probe() {
        int idr0 = (int) smmu.readReg(IDR0), idr1 = (int) smmu.readReg(IDR1), idr5 = (int) smmu.readReg(IDR5);
        hasS1 = (idr0 & IDR0_S1P) != 0;
        hasS2 = (idr0 & IDR0_S2P) != 0;
        asidBits = (idr0 & IDR0_ASID16) != 0 ? 16 : 8;
        vmidBits = (idr0 & IDR0_VMID16) != 0 ? 16 : 8;
        sidBits = idr1 & 0x3f;
        ssidBits = (idr1 >>> 6) & 0x1f;
        oas = oasBits(idr5 & 7);
        cmdqLog2 = Math.min(8, (idr1 >>> 21) & 0x1f);
        evtqLog2 = Math.min(7, (idr1 >>> 16) & 0x1f);
        twoLevel = (idr0 & IDR0_ST_LVL_2LVL) != 0 && sidBits > STRTAB_SPLIT;
        if (twoLevel) {
            int size = Math.min(20 - 3, sidBits - STRTAB_SPLIT); // STRTAB_L1_SZ_SHIFT - log2(8 bytes)
            l1Shift = size;
            strtab = mem.alloc(8L << size, 8L << size);
            smmu.writeReg(STRTAB_BASE, strtab);
            smmu.writeReg(STRTAB_BASE_CFG, (size + STRTAB_SPLIT) | STRTAB_SPLIT << 6 | (long) STRTAB_FMT_2LVL << 16);
        } else {
            long bytes = (long) STE_BYTES << sidBits;
            strtab = mem.alloc(bytes, bytes);
            for (int sid = 0; sid < 1 << sidBits; sid++) writeDefaultSte(strtab + (long) sid * STE_BYTES);
            smmu.writeReg(STRTAB_BASE, strtab);
            smmu.writeReg(STRTAB_BASE_CFG, sidBits | (long) STRTAB_FMT_LINEAR << 16);
        }
        cmdqBase = mem.alloc((long) CMDQ_ENT_BYTES << cmdqLog2, (long) CMDQ_ENT_BYTES << cmdqLog2);
        smmu.writeReg(CMDQ_BASE, cmdqBase | cmdqLog2);
        evtqBase = mem.alloc((long) EVT_BYTES << evtqLog2, (long) EVT_BYTES << evtqLog2);
        smmu.writeReg(EVTQ_BASE, evtqBase | evtqLog2);
        smmu.writeReg(CMDQ_PROD, 0);
        smmu.writeReg(CMDQ_CONS, 0);
        smmu.writeReg(PAGE1 + EVTQ_PROD, 0);
        smmu.writeReg(PAGE1 + EVTQ_CONS, 0);
        int en = CR0_CMDQEN;
        smmu.writeReg(CR0, en);
        issue(cfgiAll());
        if (hasS2) issue(tlbiS12Vmall(0)); // Linux: TLBI_EL2_ALL if HYP, then TLBI_NSNH_ALL
        issue(tlbiNsnhAll());
        issue(sync());
        en |= CR0_EVTQEN;
        smmu.writeReg(CR0, en);
        en |= CR0_SMMUEN;
        smmu.writeReg(CR0, en);
    }

    private void writeDefaultSte(long a) {
        mem.write64(a, ste0(disableBypass ? STE_CFG_ABORT : STE_CFG_BYPASS, 0, 0, 0));
        for (int i = 1; i < 8; i++) mem.write64(a + 8L * i, 0);
    }

    /** arm_smmu_init_l2_strtab: 256 default STEs, L1 descriptor with Span = SPLIT + 1. */
    private long steAddress(int sid) {
        if (!twoLevel) return strtab + (long) sid * STE_BYTES;
        int l1 = sid >>> STRTAB_SPLIT;
        Long l2 = l2Tables.get(l1);
        if (l2 == null) {
            long bytes = (long) STE_BYTES << STRTAB_SPLIT;
            l2 = mem.alloc(bytes, bytes);
            for (int i = 0; i < 1 << STRTAB_SPLIT; i++) writeDefaultSte(l2 + (long) i * STE_BYTES);
            mem.write64(strtab + 8L * l1, (STRTAB_SPLIT + 1) | l2);
            l2Tables.put(l1, l2);
        }
        return l2 + (long) (sid & ((1 << STRTAB_SPLIT) - 1)) * STE_BYTES;
    }

    // ================================================================ command queue

    /** Write one command at CMDQ_PROD and publish it (the model consumes at once). */
    public void issue(long[] cmd) {
        int prod = (int) smmu.readReg(CMDQ_PROD);
        int mask = (1 << (cmdqLog2 + 1)) - 1;
        long a = cmdqBase + (long) (prod & ((1 << cmdqLog2) - 1)) * CMDQ_ENT_BYTES;
        mem.write64(a, cmd[0]);
        mem.write64(a + 8, cmd[1]);
        smmu.writeReg(CMDQ_PROD, (prod + 1) & mask);
    }

    /** CMDQ_CONS.ERR (0 = none, 1 = ILL). */
    public int commandError() { return (int) (smmu.readReg(CMDQ_CONS) >>> 24) & 0x7f; }

    /** Drain the event queue (what arm_smmu_evtq_thread reads). */
    public List<Smmuv3Event> readEvents() {
        List<Smmuv3Event> ev = smmu.peekEvents();
        smmu.writeReg(PAGE1 + EVTQ_CONS, smmu.readReg(PAGE1 + EVTQ_PROD) & ~(1L << 31));
        return ev;
    }

    private void syncSte(int sid) {
        issue(cfgiSte(sid, true));
        issue(sync());
    }

    // ================================================================ domains

    /** A default DMA domain: S1 if the SMMU has stage 1, else S2. */
    public Domain allocDomain() { return allocDomain(hasS1 ? Stage.S1 : Stage.S2); }

    /** Returns null when ASIDs / VMIDs are exhausted (-ENOSPC) or the stage is missing. */
    public Domain allocDomain(Stage stage) {
        if (stage == Stage.S1 && !hasS1 || stage == Stage.S2 && !hasS2) return null;
        int ias = Math.min(48, oas);
        if (stage == Stage.S1) {
            int asid = asids.nextClearBit(1);
            if (asid >= 1 << asidBits) return null;
            asids.set(asid);
            return new Domain(stage, asid, 0, LpaeConfig.stage1(4096, 48, oas));
        }
        int vmid = vmids.nextClearBit(1);
        if (vmid >= 1 << vmidBits) return null;
        vmids.set(vmid);
        return new Domain(stage, 0, vmid, LpaeConfig.stage2(4096, ias, oas));
    }

    /** Detach every stream, TLBI_NH_ASID / TLBI_S12_VMALL + SYNC, free the ASID / VMID. */
    public void freeDomain(Domain d) {
        for (int sid : List.copyOf(d.sids)) detach(sid);
        if (d.stage == Stage.S1) {
            issue(tlbiNhAsid(d.asid, 0));
            asids.clear(d.asid);
        } else {
            issue(tlbiS12Vmall(d.vmid));
            vmids.clear(d.vmid);
        }
        issue(sync());
        mem.removeTable(d.table);
    }

    private int ips() {
        return switch (oas) { case 32 -> 0; case 36 -> 1; case 40 -> 2; case 42 -> 3; case 44 -> 4; case 48 -> 5; default -> 6; };
    }

    private long cdAddress(Domain d, int ssid, boolean alloc) {
        if (d.s1fmt == S1FMT_LINEAR) return d.cdTable + (long) ssid * CD_BYTES;
        int l1 = ssid / CD_L2_ENTRIES_64K;
        Long l2 = d.cdL2.get(l1);
        if (l2 == null) {
            if (!alloc) return -1;
            l2 = mem.alloc((long) CD_L2_ENTRIES_64K * CD_BYTES, 1 << 16);
            d.cdL2.put(l1, l2);
            mem.write64(d.cdTable + 8L * l1, l2 | CD_L1_V);
            for (int sid : d.sids) issue(cfgiCd(sid, ssid, false));
            issue(sync());
        }
        return l2 + (long) (ssid % CD_L2_ENTRIES_64K) * CD_BYTES;
    }

    /** arm_smmu_write_ctx_desc: dwords 1-3, sync, dword 0 (V), sync; src null clears the CD. */
    private void writeCd(Domain d, int ssid, Domain src) {
        long a = cdAddress(d, ssid, src != null);
        if (a < 0) return;
        if (src == null) {
            mem.write64(a, 0);
        } else {
            mem.write64(a + 8, src.ttb & 0xf_ffff_ffff_fff0L);
            mem.write64(a + 16, 0);
            mem.write64(a + 24, 0x0000_0000_0004_ff44L); // MAIR as io-pgtable-arm sets it
            for (int sid : d.sids) issue(cfgiCd(sid, ssid, true));
            issue(sync());
            mem.write64(a, cd0(src.table.config().t0sz(), 0, ips(), src.asid, true));
        }
        for (int sid : d.sids) issue(cfgiCd(sid, ssid, true));
        issue(sync());
    }

    /** Attach without substreams. */
    public int attach(int sid, Domain d) { return attach(sid, d, 0); }

    /**
     * arm_smmu_attach_dev: the master's SSID bits size the domain's CD table at the first attach
     * (Linux finalises the domain there). Returns 0 or -EINVAL (SID out of range, or ssidBits
     * larger than the first master's).
     */
    public int attach(int sid, Domain d, int masterSsidBits) {
        if ((sid & 0xffff_ffffL) >>> sidBits != 0) return -Errno.EINVAL;
        Domain old = attached.remove(sid);
        if (old != null) old.sids.remove(Integer.valueOf(sid));
        long a = steAddress(sid);
        long d0;
        if (d.stage == Stage.S1) {
            if (d.cdTable < 0) {
                d.s1cdmax = Math.min(masterSsidBits, ssidBits);
                int n = 1 << d.s1cdmax;
                if (d.s1cdmax <= CD_LINEAR_CDMAX) {
                    d.s1fmt = S1FMT_LINEAR;
                    d.cdTable = mem.alloc((long) n * CD_BYTES, Math.max(64, (long) n * CD_BYTES));
                } else {
                    d.s1fmt = S1FMT_64K_L2;
                    long l1n = (n + CD_L2_ENTRIES_64K - 1) / CD_L2_ENTRIES_64K;
                    d.cdTable = mem.alloc(l1n * 8, Math.max(64, l1n * 8));
                }
                d.sids.add(sid);
                writeCd(d, 0, d);
                d.sids.remove(Integer.valueOf(sid));
            } else if (masterSsidBits > d.s1cdmax) {
                return -Errno.EINVAL;
            }
            mem.write64(a + 8, d.s1cdmax > 0 ? S1DSS_SSID0 : 0);
            mem.write64(a + 16, 0);
            mem.write64(a + 24, 0);
            d0 = ste0(STE_CFG_S1, d.s1fmt, d.cdTable, d.s1cdmax);
        } else {
            LpaeConfig c = d.table.config();
            int sl0 = 2 - c.startLevel; // 4K granule
            mem.write64(a + 8, 0);
            mem.write64(a + 16, d.vmid | steVtcr(c.t0sz(), sl0, 0, ips()) | STE_2_S2AA64 | STE_2_S2PTW | STE_2_S2R);
            mem.write64(a + 24, d.ttb & 0xf_ffff_ffff_fff0L);
            d0 = ste0(STE_CFG_S2, 0, 0, 0);
        }
        for (int i = 4; i < 8; i++) mem.write64(a + 8L * i, 0);
        syncSte(sid);
        mem.write64(a, d0);
        syncSte(sid);
        d.sids.add(sid);
        attached.put(sid, d);
        return 0;
    }

    /** Identity domain: bypass STE. */
    public int attachBypass(int sid) { return writeSimpleSte(sid, STE_CFG_BYPASS); }

    /** Blocked domain: abort STE (silent). */
    public int attachAbort(int sid) { return writeSimpleSte(sid, STE_CFG_ABORT); }

    /** Detach: abort STE, or bypass when disable_bypass is false. */
    public int detach(int sid) { return writeSimpleSte(sid, disableBypass ? STE_CFG_ABORT : STE_CFG_BYPASS); }

    private int writeSimpleSte(int sid, int config) {
        if ((sid & 0xffff_ffffL) >>> sidBits != 0) return -Errno.EINVAL;
        Domain old = attached.remove(sid);
        if (old != null) old.sids.remove(Integer.valueOf(sid));
        long a = steAddress(sid);
        for (int i = 1; i < 8; i++) mem.write64(a + 8L * i, 0);
        syncSte(sid);
        mem.write64(a, ste0(config, 0, 0, 0));
        syncSte(sid);
        return 0;
    }

    /**
     * Install another S1 domain's table as CD[ssid] of d's CD table (a PASID bind). Returns 0,
     * or -EINVAL if ssid is 0 or beyond the CD table, or either domain is not S1.
     */
    public int setPasid(Domain d, int ssid, Domain pasidDomain) {
        if (d.stage != Stage.S1 || d.cdTable < 0 || ssid <= 0 || ssid >>> d.s1cdmax != 0) return -Errno.EINVAL;
        if (pasidDomain != null && pasidDomain.stage != Stage.S1) return -Errno.EINVAL;
        writeCd(d, ssid, pasidDomain);
        if (pasidDomain == null) d.pasids.remove(ssid); else d.pasids.put(ssid, pasidDomain);
        return 0;
    }

    // ================================================================ map / unmap

    /** iommu_map: no invalidation (new mappings replace invalid PTEs). 0 or -errno. */
    public int map(Domain d, long iova, long pa, long size, int prot) { return d.table.map(iova, pa, size, prot); }

    /** iommu_unmap: clear the PTEs, then TLBI per leaf (and per granule of removed tables) + SYNC. */
    public long unmap(Domain d, long iova, long size) {
        d.gather.clear();
        long n = d.table.unmap(iova, size);
        for (long[] g : d.gather) {
            issue(d.stage == Stage.S1 ? tlbiNhVa(d.asid, 0, g[0], g[1] != 0) : tlbiS2Ipa(d.vmid, g[0], g[1] != 0));
        }
        d.gather.clear();
        if (n != 0) issue(sync());
        return n;
    }

    /** The invalidation Linux would issue for [iova, iova+size): one TLBI per granule + SYNC. */
    public void tlbiRange(Domain d, long iova, long size) {
        long g = d.table.config().granule();
        for (long a = iova & -g; a < iova + size; a += g) {
            issue(d.stage == Stage.S1 ? tlbiNhVa(d.asid, 0, a, true) : tlbiS2Ipa(d.vmid, a, true));
        }
        issue(sync());
    }
}
