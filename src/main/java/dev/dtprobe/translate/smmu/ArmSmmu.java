package dev.dtprobe.translate.smmu;

import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.Iotlb;
import dev.dtprobe.translate.pgtable.LpaeConfig;
import dev.dtprobe.translate.pgtable.Xlate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ARM SMMU v1/v2 / MMU-500 (translators.md §1) in the state the Linux arm-smmu driver
 * leaves it: after {@code arm_smmu_device_reset} every S2CR holds its initial value (BYPASS, or
 * FAULT with {@code disable_bypass}), every SMR is invalid, every bank is disabled, and
 * sCR0.USFCFG follows {@code disable_bypass}.
 *
 * <p>Driver side: {@link #probeDevice} allocates stream mapping entries
 * ({@code arm_smmu_master_alloc_smes}), {@link #newDomain} / {@link #attach} allocate a context
 * bank and install S2CRs, {@link #detach}, {@link #release} and {@link #freeDomain} undo them.
 * Device side: {@link #translate} routes a transaction SID → SME → S2CR → context bank → LPAE
 * walk through one shared {@link Iotlb} (architectural: entries stay until a TLBI).
 */
public final class ArmSmmu {
    /** S2CR.TYPE values. */
    public static final int S2CR_TRANS = 0, S2CR_BYPASS = 1, S2CR_FAULT = 2;
    /** CBAR.TYPE values. */
    public static final int CBAR_S2_TRANS = 0, CBAR_S1_TRANS_S2_BYPASS = 1;
    /** sGFSR bits. */
    public static final int SGFSR_ICF = 1, SGFSR_USF = 1 << 1, SGFSR_SMCF = 1 << 2, SGFSR_UCBF = 1 << 3,
            SGFSR_MULTI = 1 << 31;
    /** Context bank FSR bits. */
    public static final int FSR_TF = 1 << 1, FSR_AFF = 1 << 2, FSR_PF = 1 << 3, FSR_EF = 1 << 4, FSR_ASF = 1 << 7,
            FSR_MULTI = 1 << 31;
    /** sCR0 bits. */
    public static final int SCR0_CLIENTPD = 1, SCR0_GFRE = 1 << 1, SCR0_GFIE = 1 << 2, SCR0_GCFGFRE = 1 << 4,
            SCR0_GCFGFIE = 1 << 5, SCR0_USFCFG = 1 << 10;
    /** Context bank SCTLR bits as Linux sets them. */
    public static final int SCTLR_M = 1, SCTLR_TRE = 1 << 1, SCTLR_AFE = 1 << 2, SCTLR_CFRE = 1 << 5, SCTLR_CFIE = 1 << 6;

    private final SmmuConfig cfg;
    private final boolean disableBypass;
    private final boolean hasS1, hasS2;
    private final Iotlb tlb;
    private final int sidMask;
    private final int smrMaskMask;

    // stream mapping entries
    private final int nsme;
    private final int[] smrId, smrMask;
    private final boolean[] smrValid;
    private final int[] s2crType, s2crCbndx, s2crCount, s2crGroup;
    private int nextGroup;

    // context banks
    private final SmmuDomain[] cbs;
    private final boolean[] contextMap;
    private final int[] sctlr, cbar, fsr, fsynr0, cbfrsynra;
    private final long[] far;
    private int irptCounter;

    // global state
    private int scr0;
    private int sgfsr, sgfsynr1;
    private final List<FaultRecord> faults = new ArrayList<>();

    /** Linux-probed SMMU: {@code disable_bypass} as given, no {@code force_stage}. */
    public ArmSmmu(SmmuConfig cfg, boolean disableBypass) {
        this(cfg, disableBypass, 0);
    }

    /** @param forceStage the {@code arm-smmu.force_stage} parameter: 0, 1 or 2. */
    public ArmSmmu(SmmuConfig cfg, boolean disableBypass, int forceStage) {
        this.cfg = cfg;
        this.disableBypass = disableBypass;
        boolean s1 = cfg.s1(), s2 = cfg.s2();
        if (forceStage == 1) s2 = false;
        else if (forceStage == 2) s1 = false;
        if (!s1 && !s2) throw new IllegalArgumentException("force_stage=" + forceStage + ": no translation support left (-ENODEV)");
        this.hasS1 = s1;
        this.hasS2 = s2;
        this.tlb = new Iotlb(cfg.tlbSets());
        this.sidMask = cfg.streamIdMask();
        this.smrMaskMask = cfg.streamMatching() ? sidMask : 0; // arm_smmu_test_smr_masks
        this.nsme = cfg.numSme();
        smrId = new int[nsme];
        smrMask = new int[nsme];
        smrValid = new boolean[nsme];
        s2crType = new int[nsme];
        s2crCbndx = new int[nsme];
        s2crCount = new int[nsme];
        s2crGroup = new int[nsme];
        int ncb = cfg.numCb();
        cbs = new SmmuDomain[ncb];
        contextMap = new boolean[ncb];
        sctlr = new int[ncb];
        cbar = new int[ncb];
        fsr = new int[ncb];
        fsynr0 = new int[ncb];
        cbfrsynra = new int[ncb];
        far = new long[ncb];
        reset();
    }

    /** arm_smmu_device_reset: SMEs to their initial value, banks off, sCR0 as Linux writes it. */
    private void reset() {
        for (int i = 0; i < nsme; i++) resetSme(i);
        java.util.Arrays.fill(sctlr, 0);
        scr0 = SCR0_GFRE | SCR0_GFIE | SCR0_GCFGFRE | SCR0_GCFGFIE | (disableBypass ? SCR0_USFCFG : 0);
        tlb.invalidateAll();
    }

    private void resetSme(int i) {
        s2crType[i] = disableBypass ? S2CR_FAULT : S2CR_BYPASS;
        s2crCbndx[i] = 0;
        s2crCount[i] = 0;
        s2crGroup[i] = -1;
        smrValid[i] = false;
    }

    public SmmuConfig config() { return cfg; }

    public boolean disableBypass() { return disableBypass; }

    public Iotlb tlb() { return tlb; }

    // ================================================================== driver side

    /**
     * {@code arm_smmu_probe_device}: check every ID against the implemented SID and mask bits
     * (-EINVAL), allocate stream mapping entries (reuse a covering SMR, -EINVAL on partial
     * overlap, first free otherwise, -ENOSPC when full; indexing uses the SID), put the master
     * in the iommu_group of entries it shares (-EINVAL if they belong to different groups) and
     * write the entries. On error nothing stays allocated. -EEXIST if already probed.
     */
    public int probeDevice(SmmuMaster m) {
        if (m.smmu != null) return -Errno.EEXIST;
        for (int i = 0; i < m.numIds(); i++) {
            if ((m.sid(i) & ~sidMask) != 0 || (m.mask(i) & ~smrMaskMask) != 0) return -Errno.EINVAL;
        }
        int[] idx = new int[m.numIds()];
        for (int i = 0; i < idx.length; i++) {
            int rc = findSme(m.sid(i), m.mask(i));
            if (rc < 0) {
                while (i-- > 0) freeSme(idx[i]);
                return rc;
            }
            if (cfg.streamMatching() && s2crCount[rc] == 0) {
                smrId[rc] = m.sid(i);
                smrMask[rc] = m.mask(i);
                smrValid[rc] = true;
            }
            s2crCount[rc]++;
            idx[i] = rc;
        }
        // arm_smmu_device_group
        int group = -1;
        for (int x : idx) {
            if (group >= 0 && s2crGroup[x] >= 0 && s2crGroup[x] != group) {
                for (int x2 : idx) freeSme(x2);
                return -Errno.EINVAL;
            }
            if (s2crGroup[x] >= 0) group = s2crGroup[x];
        }
        if (group < 0) group = nextGroup++;
        for (int x : idx) s2crGroup[x] = group;
        m.smendx = idx;
        m.smmu = this;
        m.group = group;
        return 0;
    }

    /** arm_smmu_find_sme: the index to use for (id, mask), or -EINVAL / -ENOSPC. */
    public int findSme(int id, int mask) {
        if (!cfg.streamMatching()) return id;
        int free = -Errno.ENOSPC;
        for (int i = 0; i < nsme; i++) {
            if (!smrValid[i]) {
                if (free < 0) free = i;
                continue;
            }
            if ((mask & smrMask[i]) == mask && ((id ^ smrId[i]) & ~smrMask[i]) == 0) return i;
            if (((id ^ smrId[i]) & ~(smrMask[i] | mask)) == 0) return -Errno.EINVAL;
        }
        return free;
    }

    /** arm_smmu_free_sme: true when the entry became free (and was reset). */
    private boolean freeSme(int idx) {
        if (--s2crCount[idx] > 0) return false;
        resetSme(idx);
        return true;
    }

    /** {@code arm_smmu_release_device}: free the master's stream mapping entries. */
    public void release(SmmuMaster m) {
        if (m.smmu != this) return;
        for (int x : m.smendx) freeSme(x);
        m.smendx = null;
        m.smmu = null;
        m.group = -1;
        m.domain = null;
    }

    /** {@code arm_smmu_domain_alloc}: null for a DMA domain with the legacy binding (when legacy is true). */
    public SmmuDomain newDomain(SmmuDomain.Type type, boolean legacyBinding) {
        if (legacyBinding && type == SmmuDomain.Type.DMA) return null;
        return new SmmuDomain(type);
    }

    public SmmuDomain newDomain(SmmuDomain.Type type) { return newDomain(type, false); }

    /**
     * {@code arm_smmu_attach_dev}: -ENXIO if the master was not probed on this SMMU; finalise the
     * domain's context at its first attach (-ENOSPC when no bank is free, -EINVAL when no
     * context format fits); -EINVAL if the domain belongs to another SMMU; then set every S2CR
     * of the master to TRANS with the domain's bank (BYPASS for an identity domain).
     */
    public int attach(SmmuMaster m, SmmuDomain d) {
        if (m.smmu != this) return -Errno.ENXIO;
        int rc = initDomainContext(d);
        if (rc < 0) return rc;
        if (d.smmu != this) return -Errno.EINVAL;
        if (d.stage == SmmuDomain.Stage.BYPASS) installS2crs(m, S2CR_BYPASS, 0);
        else installS2crs(m, S2CR_TRANS, d.cbndx);
        m.domain = d;
        return 0;
    }

    /**
     * Convenience: probe a new master with these stream IDs and masks (null = all 0) and attach
     * it. Returns 0 or the errno of the step that failed (the master is released on failure).
     */
    public int attach(int[] sids, int[] masks, SmmuDomain d) {
        return attachMaster(SmmuMaster.of("master" + nextGroup, sids, masks), d);
    }

    /** Probe (if needed) and attach; on an attach failure the master is released again. */
    public int attachMaster(SmmuMaster m, SmmuDomain d) {
        boolean fresh = m.smmu == null;
        int rc = fresh ? probeDevice(m) : 0;
        if (rc < 0) return rc;
        rc = attach(m, d);
        if (rc < 0 && fresh) release(m);
        return rc;
    }

    /** Detach (v5.x {@code arm_smmu_detach_dev}): the master's S2CRs go back to BYPASS or FAULT. */
    public void detach(SmmuMaster m) {
        if (m.smmu != this) return;
        installS2crs(m, disableBypass ? S2CR_FAULT : S2CR_BYPASS, 0);
        m.domain = null;
    }

    private void installS2crs(SmmuMaster m, int type, int cb) {
        for (int x : m.smendx) {
            s2crType[x] = type;
            s2crCbndx[x] = cb;
        }
    }

    /** {@code arm_smmu_init_domain_context}. */
    private int initDomainContext(SmmuDomain d) {
        if (d.smmu != null) return 0;
        if (d.type == SmmuDomain.Type.IDENTITY) {
            d.smmu = this;
            d.stage = SmmuDomain.Stage.BYPASS;
            return 0;
        }
        SmmuDomain.Stage stage = !hasS1 ? SmmuDomain.Stage.S2 : SmmuDomain.Stage.S1;
        boolean a64 = cfg.aarch64Granules() != 0;
        if (!a64 && !cfg.aarch32L()) return -Errno.EINVAL;
        int start = stage == SmmuDomain.Stage.S1 ? cfg.numS2Cb() : 0;
        int cb = -1;
        for (int i = start; i < cfg.numCb(); i++) {
            if (!contextMap[i]) { cb = i; break; }
        }
        if (cb < 0) return -Errno.ENOSPC;
        int ias, oas;
        if (stage == SmmuDomain.Stage.S1) {
            ias = cfg.vaBits();
            oas = cfg.ipaBits();
            if (!a64) { ias = Math.min(ias, 32); oas = Math.min(oas, 40); }
        } else {
            ias = cfg.ipaBits();
            oas = cfg.paBits();
            if (!a64) { ias = Math.min(ias, 40); oas = Math.min(oas, 40); }
        }
        int granule = pickGranule(a64);
        LpaeConfig pc = stage == SmmuDomain.Stage.S1 ? LpaeConfig.stage1(granule, ias, oas) : LpaeConfig.stage2(granule, ias, oas);
        contextMap[cb] = true;
        d.irptndx = cfg.version().isV2() ? cb : ++irptCounter % cfg.numCb();
        d.finalise(this, stage, cb, a64, pc);
        cbs[cb] = d;
        // arm_smmu_write_context_bank
        cbar[cb] = stage == SmmuDomain.Stage.S1
                ? CBAR_S1_TRANS_S2_BYPASS << 16
                : CBAR_S2_TRANS << 16 | (d.vmid & 0xff);
        if (!cfg.version().isV2()) cbar[cb] |= d.irptndx << 24;
        sctlr[cb] = SCTLR_CFIE | SCTLR_CFRE | SCTLR_AFE | SCTLR_TRE | SCTLR_M;
        return 0;
    }

    /** arm_lpae_restrict_pgsizes over the SMMU's page sizes (AArch32-L contexts are 4K only). */
    private int pickGranule(boolean a64) {
        int g = a64 ? cfg.aarch64Granules() | (cfg.aarch32L() ? 1 << 12 : 0) : 1 << 12;
        int page = cfg.kernelPageSize();
        if ((g & page) != 0) return page;
        int below = g & (page - 1);
        if (below != 0) return Integer.highestOneBit(below);
        return Integer.lowestOneBit(g & ~(page - 1));
    }

    /**
     * {@code arm_smmu_domain_free}: disable the bank (SCTLR = 0), flush the context's TLB
     * entries and free the bank. Masters still pointing at the bank then see a disabled bank.
     */
    public void freeDomain(SmmuDomain d) {
        if (d.smmu != this || d.stage == SmmuDomain.Stage.BYPASS || d.cbndx < 0) return;
        int cb = d.cbndx;
        sctlr[cb] = 0;
        d.destroy();
        cbs[cb] = null;
        contextMap[cb] = false;
    }

    // ================================================================== TLB maintenance

    /** Bank TLBIASID + TLBSYNC: every entry of a stage-1 ASID. */
    public void tlbiAsid(int asid) { tlb.invalidateAsid(asid, 0); }

    /** Bank TLBIVA / TLBIVAL + TLBSYNC for one address of a stage-1 ASID. */
    public void tlbiVa(int asid, long iova) { tlb.invalidateVa(asid, 0, iova, 1); }

    void tlbiVaRange(int asid, long iova, long size) { tlb.invalidateVa(asid, 0, iova, size); }

    /**
     * A write of {@code value} to bank cb's TLBIVA (AArch64 format: {@code (iova >> 12) | asid << 48}).
     */
    public void writeTlbiva(int cb, long value) {
        tlbiVa((int) (value >>> 48), (value & ((1L << 44) - 1)) << 12);
    }

    /** Bank TLBIIPAS2 / TLBIIPAS2L (v2) for one IPA of a stage-2 VMID. */
    public void tlbiIpa(int vmid, long ipa) { tlb.invalidateVa(-1, vmid, ipa, 1); }

    void tlbiIpaRange(int vmid, long ipa, long size) { tlb.invalidateVa(-1, vmid, ipa, size); }

    /** GR0 TLBIVMID + sTLBGSYNC. */
    public void tlbiVmid(int vmid) { tlb.invalidateVmid(vmid); }

    /** GR0 TLBIALLNSNH + sTLBGSYNC. */
    public void tlbiAllNsnh() { tlb.invalidateAll(); }

    // ================================================================== device side

    /**
     * One transaction from stream sid at iova; access is {@link Xlate#R} / W / X, ORed.
     * sCR0.CLIENTPD bypasses; stream matching finds the SMR (none: USFCFG decides between a
     * global unidentified-stream fault and bypass; several: stream match conflict) or
     * stream indexing uses the SID; the S2CR gives BYPASS, FAULT or TRANS; TRANS walks the
     * bank's table (a disabled bank, SCTLR.M = 0, passes the transaction through untranslated).
     */
    public SmmuResult translate(int sid, long iova, int access) {
        if ((scr0 & SCR0_CLIENTPD) != 0) return SmmuResult.bypass(iova, -1, -1);
        sid &= sidMask;
        int idx;
        if (cfg.streamMatching()) {
            idx = -1;
            for (int i = 0; i < nsme; i++) {
                if (smrValid[i] && ((sid ^ smrId[i]) & ~smrMask[i] & sidMask) == 0) {
                    if (idx >= 0) return globalFault(SmmuResult.Fault.STREAM_MATCH_CONFLICT, SGFSR_SMCF, sid, iova, access, -1);
                    idx = i;
                }
            }
            if (idx < 0) {
                if ((scr0 & SCR0_USFCFG) != 0) return globalFault(SmmuResult.Fault.UNIDENTIFIED_STREAM, SGFSR_USF, sid, iova, access, -1);
                return SmmuResult.bypass(iova, -1, -1);
            }
        } else {
            idx = sid;
        }
        switch (s2crType[idx]) {
            case S2CR_BYPASS:
                return SmmuResult.bypass(iova, idx, -1);
            case S2CR_TRANS:
                break;
            default:
                return globalFault(SmmuResult.Fault.S2CR_FAULT, SGFSR_USF, sid, iova, access, idx);
        }
        int cb = s2crCbndx[idx];
        if (cb >= cfg.numCb()) return globalFault(SmmuResult.Fault.UNIMPLEMENTED_CONTEXT_BANK, SGFSR_UCBF, sid, iova, access, idx);
        SmmuDomain d = cbs[cb];
        if ((sctlr[cb] & SCTLR_M) == 0 || d == null) return SmmuResult.bypass(iova, idx, cb);
        long r = d.xl.translate(iova, access);
        if (r >= 0) return SmmuResult.ok(r, idx, cb);
        SmmuResult.Fault f = SmmuResult.Fault.fromXlate(Xlate.faultKind(r));
        int level = Xlate.level(r);
        int bit = switch (f) {
            case TRANSLATION -> FSR_TF;
            case PERMISSION -> FSR_PF;
            case ACCESS_FLAG -> FSR_AFF;
            case ADDRESS_SIZE -> FSR_ASF;
            default -> FSR_EF;
        };
        boolean write = (access & Xlate.W) != 0;
        if ((fsr[cb] & ~FSR_MULTI) != 0) {
            fsr[cb] |= FSR_MULTI;
        } else {
            fsr[cb] = bit;
            far[cb] = iova;
            fsynr0[cb] = (write ? 1 << 4 : 0) | level;
            cbfrsynra[cb] = sid;
        }
        faults.add(new FaultRecord(f, sid, iova, write, cb, level));
        return SmmuResult.fault(f, true, level, idx, cb);
    }

    private SmmuResult globalFault(SmmuResult.Fault f, int bit, int sid, long iova, int access, int idx) {
        if ((sgfsr & ~SGFSR_MULTI) != 0) {
            sgfsr |= SGFSR_MULTI;
        } else {
            sgfsr = bit;
            sgfsynr1 = sid;
        }
        faults.add(new FaultRecord(f, sid, iova, (access & Xlate.W) != 0, -1, -1));
        return SmmuResult.fault(f, true, -1, idx, -1);
    }

    // ================================================================== registers and state

    public int numSme() { return nsme; }

    public int sCR0() { return scr0; }

    /** Set sCR0.CLIENTPD (true = SMMU disabled, everything bypasses; the reset value before a driver). */
    public void setClientPd(boolean pd) { scr0 = pd ? scr0 | SCR0_CLIENTPD : scr0 & ~SCR0_CLIENTPD; }

    /** Override sCR0.USFCFG. */
    public void setUsfcfg(boolean fault) { scr0 = fault ? scr0 | SCR0_USFCFG : scr0 & ~SCR0_USFCFG; }

    public int sGFSR() { return sgfsr; }

    public int sGFSYNR1() { return sgfsynr1; }

    /** Write-one-to-clear the global fault status, as the global fault handler does. */
    public void clearGlobalFault() { sgfsr = 0; }

    /** SMR(n) as read back: VALID b31, MASK [30:16] (15-bit IDs), ID [15:0]; 0 with stream indexing. */
    public int smr(int n) {
        if (!cfg.streamMatching()) return 0;
        return (smrValid[n] ? 1 << 31 : 0) | (smrMask[n] & 0x7fff) << 16 | smrId[n];
    }

    /**
     * A raw write of SMR(n) (VALID b31, MASK [30:16], ID [15:0]), as firmware or a buggy driver
     * might do; Linux's allocator never builds overlapping SMRs, this can.
     */
    public void writeSmr(int n, int value) {
        smrValid[n] = value < 0;
        smrMask[n] = (value >>> 16) & 0x7fff;
        smrId[n] = value & 0xffff;
    }

    /** A raw write of S2CR(n): TYPE [17:16], CBNDX [7:0]. */
    public void writeS2cr(int n, int value) {
        s2crType[n] = (value >>> 16) & 3;
        s2crCbndx[n] = value & 0xff;
    }

    public boolean smrValid(int n) { return smrValid[n]; }

    public int smrId(int n) { return smrId[n]; }

    public int smrMask(int n) { return smrMask[n]; }

    /** S2CR(n): TYPE [17:16], CBNDX [7:0]. */
    public int s2cr(int n) { return s2crType[n] << 16 | s2crCbndx[n]; }

    public int s2crType(int n) { return s2crType[n]; }

    public int s2crCbndx(int n) { return s2crCbndx[n]; }

    /** Number of master IDs sharing entry n (the driver's s2cr refcount). */
    public int s2crRefcount(int n) { return s2crCount[n]; }

    public int cbar(int cb) { return cbar[cb]; }

    public int sctlr(int cb) { return sctlr[cb]; }

    public boolean contextBankInUse(int cb) { return contextMap[cb]; }

    public SmmuDomain contextBankDomain(int cb) { return cbs[cb]; }

    public int fsr(int cb) { return fsr[cb]; }

    public long far(int cb) { return far[cb]; }

    public int fsynr0(int cb) { return fsynr0[cb]; }

    public int cbfrsynra(int cb) { return cbfrsynra[cb]; }

    /** Write-one-to-clear the bank's FSR, as the context fault handler does. */
    public void clearContextFault(int cb) { fsr[cb] = 0; }

    /** Every recorded fault, oldest first. */
    public List<FaultRecord> faults() { return Collections.unmodifiableList(faults); }

    public void clearFaultLog() { faults.clear(); }
}
