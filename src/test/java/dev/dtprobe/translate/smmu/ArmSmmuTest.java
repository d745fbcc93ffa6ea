package dev.dtprobe.translate.smmu;

import dev.dtprobe.kernel.Errno;
import static dev.dtprobe.translate.pgtable.LpaePageTable.*;
import static dev.dtprobe.translate.pgtable.Xlate.R;
import static dev.dtprobe.translate.pgtable.Xlate.W;
import static dev.dtprobe.translate.smmu.ArmSmmu.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.dtprobe.translate.smmu.SmmuResult.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArmSmmuTest {
    static final long K4 = 4096, M2 = 2L << 20;
    static final int RW = IOMMU_READ | IOMMU_WRITE;

    static SmmuConfig.Builder mmu500() { return SmmuConfig.builder().version(SmmuVersion.MMU500); }

    static void assertOk(long pa, long size, SmmuResult r) {
        assertTrue(r.isOk(), r::toString);
        assertEquals(pa, r.pa, r::toString);
        assertEquals(size, r.mappingSize, r::toString);
    }

    static void assertBypass(long pa, SmmuResult r) {
        assertTrue(r.isBypass(), r::toString);
        assertEquals(pa, r.pa);
    }

    static void assertFault(Fault f, SmmuResult r) {
        assertTrue(r.isFault(), r::toString);
        assertEquals(f, r.fault, r::toString);
        assertTrue(r.recorded);
    }

    // ---------------------------------------------------------------- §9 case 1

    /** §9 case 1: {@code iommus = <&smmu 0x400 0x1>}, SMR0 {0x400, 0x1}, S2CR0 TRANS CB 1. */
    static ArmSmmu case1(boolean disableBypass) {
        ArmSmmu s = new ArmSmmu(mmu500().contextBanks(8, 1).build(), disableBypass);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        SmmuMaster m = new SmmuMaster("dev", SmmuBinding.ofXlate(new int[] {0x400, 0x1}, null));
        assertEquals(0, s.attachMaster(m, d));
        assertEquals(0, d.map(0x1000, 0x8000_1000L, K4, RW));
        assertEquals(0, m.smeIndex(0));
        assertEquals(1 << 31 | 0x1 << 16 | 0x400, s.smr(0));
        assertEquals(S2CR_TRANS << 16 | 1, s.s2cr(0));
        assertEquals(1, d.cbndx());
        return s;
    }

    @Test
    void case1_maskCoversTwoSids() {
        for (boolean db : new boolean[] {false, true}) {
            ArmSmmu s = case1(db);
            assertOk(0x8000_1234L, K4, s.translate(0x400, 0x1234, R));
            assertOk(0x8000_1234L, K4, s.translate(0x401, 0x1234, R));
        }
    }

    @Test
    void case1_unmatchedSidUsfcfgOn() {
        ArmSmmu s = case1(true);
        assertNotEquals(0, s.sCR0() & SCR0_USFCFG);
        assertFault(Fault.UNIDENTIFIED_STREAM, s.translate(0x402, 0x1234, R));
        assertEquals(SGFSR_USF, s.sGFSR());
        assertEquals(0x402, s.sGFSYNR1());
        assertEquals(List.of(new FaultRecord(Fault.UNIDENTIFIED_STREAM, 0x402, 0x1234, false, -1, -1)), s.faults());
    }

    @Test
    void case1_unmatchedSidUsfcfgOff() {
        ArmSmmu s = case1(false);
        assertEquals(0, s.sCR0() & SCR0_USFCFG);
        assertBypass(0x1234, s.translate(0x402, 0x1234, R));
        assertEquals(0, s.sGFSR());
        assertTrue(s.faults().isEmpty());
        // the override flips it
        s.setUsfcfg(true);
        assertFault(Fault.UNIDENTIFIED_STREAM, s.translate(0x402, 0x1234, R));
    }

    // ---------------------------------------------------------------- §9 cases 2, 3

    static List<Integer> matching(ArmSmmu s) {
        List<Integer> out = new ArrayList<>();
        for (int sid = 0; sid <= 0x7fff; sid++) if (!s.translate(sid, 0, R).isBypass()) out.add(sid);
        return out;
    }

    @Test
    void case2_bindingExampleMask() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.UNMANAGED);
        assertEquals(0, s.attachMaster(new SmmuMaster("dev", SmmuBinding.ofXlate(new int[] {1, 0x30}, null)), d));
        d.map(0, 0x1_0000_0000L, K4, RW);
        assertEquals(List.of(1, 17, 33, 49), matching(s));
        assertBypass(0, s.translate(2, 0, R));
        assertOk(0x1_0000_0000L, K4, s.translate(49, 0, R));
    }

    @Test
    void case3_streamMatchMask() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), true);
        int fwid = SmmuBinding.ofXlate(new int[] {0x12}, 0x7c00);
        assertEquals(0x7c00_0012, fwid);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.UNMANAGED);
        assertEquals(0, s.attachMaster(new SmmuMaster("dev", fwid), d));
        assertEquals(0x12, s.smrId(0));
        assertEquals(0x7c00, s.smrMask(0));
        d.map(0x2000, 0x3000, K4, RW);
        for (int sid : new int[] {0x0012, 0x0412, 0x7c12}) assertOk(0x3000, K4, s.translate(sid, 0x2000, R));
        assertFault(Fault.UNIDENTIFIED_STREAM, s.translate(0x0013, 0x2000, R));
        // with two cells the node's stream-match-mask is not used
        assertEquals(0x0001_0012, SmmuBinding.ofXlate(new int[] {0x12, 1}, 0x7c00));
        assertEquals(0x12, SmmuBinding.ofXlate(new int[] {0x12}, null));
    }

    // ---------------------------------------------------------------- §9 case 4: SMR allocation

    @Test
    void case4_smrAllocationRules() {
        ArmSmmu s = new ArmSmmu(mmu500().smrs(4).build(), false);
        SmmuMaster a = SmmuMaster.of("a", new int[] {0x10}, new int[] {0x3});
        assertEquals(0, s.probeDevice(a));
        assertEquals(0, a.smeIndex(0));
        // subset: reuse the same index, refcount 2, same group
        SmmuMaster b = SmmuMaster.of("b", new int[] {0x12}, new int[] {0});
        assertEquals(0, s.findSme(0x12, 0));
        assertEquals(0, s.probeDevice(b));
        assertEquals(0, b.smeIndex(0));
        assertEquals(2, s.s2crRefcount(0));
        assertEquals(a.group(), b.group());
        assertEquals(0x10, s.smrId(0)); // the covering SMR is kept as it was
        assertEquals(0x3, s.smrMask(0));
        // partial overlap at SID 0x13
        assertEquals(-Errno.EINVAL, s.findSme(0x13, 0x4));
        SmmuMaster c = SmmuMaster.of("c", new int[] {0x13}, new int[] {0x4});
        assertEquals(-Errno.EINVAL, s.probeDevice(c));
        assertFalse(c.probed());
        // disjoint: first free slot
        SmmuMaster d = SmmuMaster.of("d", new int[] {0x20}, new int[] {0x3});
        assertEquals(0, s.probeDevice(d));
        assertEquals(1, d.smeIndex(0));
        assertNotEquals(a.group(), d.group());
        // free slot 0 only when both users are gone; first free is then 0 again
        s.release(a);
        assertEquals(1, s.s2crRefcount(0));
        assertTrue(s.smrValid(0));
        s.release(b);
        assertEquals(0, s.s2crRefcount(0));
        assertFalse(s.smrValid(0));
        assertEquals(0, s.findSme(0x40, 0));
    }

    @Test
    void smrAllocationScanOrderAndExhaustion() {
        ArmSmmu s = new ArmSmmu(mmu500().smrs(3).build(), false);
        assertEquals(0, s.probeDevice(SmmuMaster.of("a", new int[] {0x100}, null)));
        assertEquals(0, s.probeDevice(SmmuMaster.of("b", new int[] {0x200}, null)));
        s.release(masterAt(s, "x", 0x100)); // no-op: this master object was never probed
        s.release(probe(s, "tmp", 0x300)); // slot 2 used then freed
        // {0x201, 0x1} is not covered by {0x200, 0} but overlaps it at SID 0x200
        assertEquals(-Errno.EINVAL, s.findSme(0x201, 0x1));
        // {0x200, 0} again: covered by slot 1, reused
        assertEquals(1, s.findSme(0x200, 0));
        assertEquals(2, s.findSme(0x300, 0));
        assertEquals(0, s.probeDevice(SmmuMaster.of("c", new int[] {0x300}, null)));
        assertEquals(-Errno.ENOSPC, s.probeDevice(SmmuMaster.of("d", new int[] {0x400}, null)));
        // a master whose second ID fails keeps nothing
        ArmSmmu t = new ArmSmmu(mmu500().smrs(2).build(), false);
        SmmuMaster m = SmmuMaster.of("m", new int[] {0x1, 0x2, 0x3}, null);
        assertEquals(-Errno.ENOSPC, t.probeDevice(m));
        assertFalse(t.smrValid(0));
        assertFalse(t.smrValid(1));
        assertEquals(0, t.s2crRefcount(0));
    }

    static SmmuMaster masterAt(ArmSmmu s, String name, int sid) { return SmmuMaster.of(name, new int[] {sid}, null); }

    static SmmuMaster probe(ArmSmmu s, String name, int sid) {
        SmmuMaster m = masterAt(s, name, sid);
        assertEquals(0, s.probeDevice(m));
        return m;
    }

    @Test
    void probeChecksIdRanges() {
        ArmSmmu s = new ArmSmmu(mmu500().sidBits(10).build(), false);
        assertEquals(-Errno.EINVAL, s.probeDevice(SmmuMaster.of("big", new int[] {0x400}, null)));
        assertEquals(-Errno.EINVAL, s.probeDevice(SmmuMaster.of("bigmask", new int[] {0x1}, new int[] {0x400})));
        SmmuMaster ok = SmmuMaster.of("ok", new int[] {0x3ff}, new int[] {0x3ff});
        assertEquals(0, s.probeDevice(ok));
        assertEquals(-Errno.EEXIST, s.probeDevice(ok));
    }

    @Test
    void sharedEntriesInDifferentGroupsAreRefused() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        probe(s, "a", 0x1);
        probe(s, "b", 0x2);
        // a master that shares an entry with each of a and b: two groups -> -EINVAL, nothing kept
        SmmuMaster c = SmmuMaster.of("c", new int[] {0x1, 0x2}, null);
        assertEquals(-Errno.EINVAL, s.probeDevice(c));
        assertEquals(1, s.s2crRefcount(0));
        assertEquals(1, s.s2crRefcount(1));
    }

    // ---------------------------------------------------------------- §9 case 5: context banks

    @Test
    void case5_contextBanksAndAsids() {
        ArmSmmu s = new ArmSmmu(mmu500().contextBanks(8, 0).build(), false);
        for (int k = 0; k < 8; k++) {
            SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
            assertEquals(0, s.attach(new int[] {k}, null, d));
            assertEquals(SmmuDomain.Stage.S1, d.stage());
            assertEquals(k, d.cbndx());
            assertEquals(k, d.asid());
            assertEquals(0, d.vmid());
            assertEquals(CBAR_S1_TRANS_S2_BYPASS << 16, s.cbar(k));
        }
        SmmuDomain ninth = s.newDomain(SmmuDomain.Type.DMA);
        SmmuMaster m = SmmuMaster.of("ninth", new int[] {8}, null);
        assertEquals(-Errno.ENOSPC, s.attachMaster(m, ninth));
        assertFalse(m.probed()); // released again
        assertEquals(-Errno.ENODEV, ninth.map(0, 0, K4, RW));
    }

    @Test
    void case5_stage2VmidIsCbndxPlusOne() {
        ArmSmmu s = new ArmSmmu(mmu500().contextBanks(8, 0).stages(false, true).build(), false);
        SmmuDomain d = null;
        for (int k = 0; k <= 3; k++) {
            d = s.newDomain(SmmuDomain.Type.UNMANAGED);
            assertEquals(0, s.attach(new int[] {0x10 + k}, null, d));
        }
        assertEquals(SmmuDomain.Stage.S2, d.stage());
        assertEquals(3, d.cbndx());
        assertEquals(4, d.vmid());
        assertEquals(-1, d.asid());
        assertEquals(CBAR_S2_TRANS << 16 | 4, s.cbar(3));
        // force_stage=2 on an S1+S2 SMMU gives the same
        ArmSmmu f = new ArmSmmu(mmu500().build(), false, 2);
        SmmuDomain e = f.newDomain(SmmuDomain.Type.UNMANAGED);
        assertEquals(0, f.attach(new int[] {1}, null, e));
        assertEquals(SmmuDomain.Stage.S2, e.stage());
        assertEquals(1, e.vmid());
    }

    @Test
    void stage1BanksStartAtNumS2cb() {
        ArmSmmu s = new ArmSmmu(mmu500().contextBanks(4, 2).build(), false);
        int[] got = new int[3];
        for (int k = 0; k < 2; k++) {
            SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
            assertEquals(0, s.attach(new int[] {k}, null, d));
            got[k] = d.cbndx();
        }
        assertArrayEquals(new int[] {2, 3, 0}, got);
        assertEquals(-Errno.ENOSPC, s.attach(new int[] {9}, null, s.newDomain(SmmuDomain.Type.DMA)));
        // an S2 domain (force_stage=2) still finds bank 0
        ArmSmmu t = new ArmSmmu(mmu500().contextBanks(4, 2).build(), false, 2);
        SmmuDomain d2 = t.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, t.attach(new int[] {1}, null, d2));
        assertEquals(0, d2.cbndx());
    }

    @Test
    void freedBankIsReused() {
        ArmSmmu s = new ArmSmmu(mmu500().contextBanks(2, 0).build(), false);
        SmmuDomain a = s.newDomain(SmmuDomain.Type.DMA);
        SmmuMaster ma = SmmuMaster.of("a", new int[] {1}, null);
        assertEquals(0, s.attachMaster(ma, a));
        a.map(0x1000, 0x5000, K4, RW);
        assertOk(0x5000, K4, s.translate(1, 0x1000, R));
        s.detach(ma);
        s.freeDomain(a);
        assertFalse(s.contextBankInUse(0));
        assertEquals(0, s.sctlr(0));
        SmmuDomain b = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, s.attachMaster(ma, b));
        assertEquals(0, b.cbndx());
        assertEquals(0, b.asid());
        // the new domain sees nothing of the old one's TLB entries
        assertFault(Fault.TRANSLATION, s.translate(1, 0x1000, R));
    }

    // ---------------------------------------------------------------- S2CR types, bypass, identity

    @Test
    void probedButUnattachedStreamFollowsDisableBypass() {
        ArmSmmu on = new ArmSmmu(mmu500().build(), true);
        probe(on, "a", 0x7);
        assertEquals(S2CR_FAULT << 16, on.s2cr(0));
        assertFault(Fault.S2CR_FAULT, on.translate(0x7, 0x1000, R));
        assertEquals(SGFSR_USF, on.sGFSR());
        assertEquals(7, on.sGFSYNR1());

        ArmSmmu off = new ArmSmmu(mmu500().build(), false);
        probe(off, "a", 0x7);
        assertEquals(S2CR_BYPASS << 16, off.s2cr(0));
        assertBypass(0x1000, off.translate(0x7, 0x1000, W));
    }

    @Test
    void identityDomainAndDetach() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), true);
        SmmuMaster m = probe(s, "m", 0x21);
        SmmuDomain id = s.newDomain(SmmuDomain.Type.IDENTITY);
        assertEquals(0, s.attach(m, id));
        assertEquals(SmmuDomain.Stage.BYPASS, id.stage());
        assertEquals(S2CR_BYPASS << 16, s.s2cr(0));
        assertBypass(0xabc000, s.translate(0x21, 0xabc000, W));
        for (int cb = 0; cb < 8; cb++) assertFalse(s.contextBankInUse(cb));
        s.detach(m);
        assertEquals(S2CR_FAULT << 16, s.s2cr(0));
        assertFault(Fault.S2CR_FAULT, s.translate(0x21, 0xabc000, W));
    }

    @Test
    void rawS2crTypesAndClientPd() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        s.writeSmr(0, 1 << 31 | 0x5);
        s.writeS2cr(0, S2CR_FAULT << 16);
        assertFault(Fault.S2CR_FAULT, s.translate(5, 0, R));
        s.writeS2cr(0, S2CR_BYPASS << 16);
        assertBypass(0x40, s.translate(5, 0x40, R));
        // a zeroed S2CR is TRANS to CB 0 (§8): the bank is off, so it passes through
        s.writeS2cr(0, 0);
        assertEquals(0, s.sctlr(0));
        assertBypass(0x40, s.translate(5, 0x40, R));
        s.writeS2cr(0, S2CR_TRANS << 16 | 200);
        assertFault(Fault.UNIMPLEMENTED_CONTEXT_BANK, s.translate(5, 0x40, R));
        s.setClientPd(true);
        s.setUsfcfg(true);
        assertBypass(0x40, s.translate(5, 0x40, R));
        assertBypass(0x40, s.translate(6, 0x40, R));
    }

    @Test
    void streamMatchConflict() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        s.writeSmr(0, 1 << 31 | 0x3 << 16 | 0x10);
        s.writeSmr(1, 1 << 31 | 0x12);
        s.writeS2cr(0, S2CR_BYPASS << 16);
        s.writeS2cr(1, S2CR_BYPASS << 16);
        assertBypass(0x0, s.translate(0x11, 0, R));
        assertFault(Fault.STREAM_MATCH_CONFLICT, s.translate(0x12, 0, R));
        assertEquals(SGFSR_SMCF, s.sGFSR());
        assertEquals(0x12, s.sGFSYNR1());
        // a second global fault sets MULTI and keeps the first syndrome
        s.setUsfcfg(true);
        assertFault(Fault.UNIDENTIFIED_STREAM, s.translate(0x30, 0, R));
        assertEquals(SGFSR_SMCF | SGFSR_MULTI, s.sGFSR());
        assertEquals(0x12, s.sGFSYNR1());
        assertEquals(2, s.faults().size());
        s.clearGlobalFault();
        assertFault(Fault.UNIDENTIFIED_STREAM, s.translate(0x30, 0, R));
        assertEquals(SGFSR_USF, s.sGFSR());
    }

    @Test
    void streamIndexing() {
        ArmSmmu s = new ArmSmmu(mmu500().streamIndexing().sidBits(6).build(), true);
        assertEquals(64, s.numSme());
        // masks are not implemented with indexing
        assertEquals(-Errno.EINVAL, s.probeDevice(SmmuMaster.of("m", new int[] {3}, new int[] {1})));
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        SmmuMaster a = SmmuMaster.of("a", new int[] {9}, null);
        SmmuMaster b = SmmuMaster.of("b", new int[] {9}, null);
        assertEquals(0, s.attachMaster(a, d));
        assertEquals(9, a.smeIndex(0));
        assertEquals(0, s.probeDevice(b)); // same index, shared
        assertEquals(2, s.s2crRefcount(9));
        assertEquals(a.group(), b.group());
        d.map(0x1000, 0x2000, K4, RW);
        assertOk(0x2000, K4, s.translate(9, 0x1000, R));
        // other streams use their initial S2CR (FAULT with disable_bypass), never USF
        assertFault(Fault.S2CR_FAULT, s.translate(10, 0x1000, R));
        assertEquals(0, s.smr(9));
    }

    @Test
    void attachErrors() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        ArmSmmu other = new ArmSmmu(mmu500().build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(-Errno.ENXIO, s.attach(SmmuMaster.of("x", new int[] {1}, null), d));
        assertEquals(0, s.attach(new int[] {1}, null, d));
        SmmuMaster m = probe(other, "y", 2);
        assertEquals(-Errno.EINVAL, other.attach(m, d));
        assertNull(s.newDomain(SmmuDomain.Type.DMA, true));
        assertNotNull(s.newDomain(SmmuDomain.Type.UNMANAGED, true));
    }

    // ---------------------------------------------------------------- translation through banks

    @Test
    void blockSplitAndExistingLeaf() {
        // §9 cases 11-13 through an SMMU stage-1 bank
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.UNMANAGED);
        assertEquals(0, s.attach(new int[] {0x44}, null, d));
        assertEquals(0, d.map(0x4020_0000L, 0x1_2340_0000L, M2, RW));
        SmmuResult r = s.translate(0x44, 0x4032_1234L, R);
        assertOk(0x1_2352_1234L, M2, r);
        assertEquals(2, r.level);
        assertEquals(K4, d.unmap(0x4020_3000L, K4));
        assertFault(Fault.TRANSLATION, s.translate(0x44, 0x4020_3010L, R));
        assertOk(0x1_2340_4010L, K4, s.translate(0x44, 0x4020_4010L, R));
        assertEquals(-Errno.EEXIST, d.map(0x4020_4000L, 0x9000, K4, RW));
        assertOk(0x1_2340_4010L, K4, s.translate(0x44, 0x4020_4010L, R));
    }

    @Test
    void case14_permissionAndAccessFlag() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, s.attach(new int[] {0x5}, null, d));
        int cb = d.cbndx();
        d.map(0x3000, 0x8000, K4, IOMMU_READ); // AP[2] = 1
        assertOk(0x8000, K4, s.translate(0x5, 0x3000, R));
        SmmuResult w = s.translate(0x5, 0x3010, W);
        assertFault(Fault.PERMISSION, w);
        assertEquals(3, w.level);
        assertEquals(FSR_PF, s.fsr(cb));
        assertEquals(0x3010, s.far(cb));
        assertEquals(1 << 4 | 3, s.fsynr0(cb));
        assertEquals(0x5, s.cbfrsynra(cb));
        // AF = 0 -> access flag fault even for a read (before permission)
        d.map(0x6000, 0x9000, K4, RW);
        long a = d.pageTable().descriptorAddress(0x6000, 3);
        d.pageTable().writeDescriptor(a, d.pageTable().readDescriptor(a) & ~PTE_AF);
        s.clearContextFault(cb);
        assertFault(Fault.ACCESS_FLAG, s.translate(0x5, 0x6000, R));
        assertEquals(FSR_AFF, s.fsr(cb));
        // a second fault while FSR is set only adds MULTI
        assertFault(Fault.TRANSLATION, s.translate(0x5, 0x7000, R));
        assertEquals(FSR_AFF | FSR_MULTI, s.fsr(cb));
        assertEquals(0x6000, s.far(cb));
        assertEquals(3, s.faults().size());
        assertEquals(new FaultRecord(Fault.TRANSLATION, 5, 0x7000, false, cb, 3), s.faults().get(2));

        // stage 2: S2AP = 01 (read only): write -> permission
        ArmSmmu t = new ArmSmmu(mmu500().stages(false, true).build(), false);
        SmmuDomain e = t.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, t.attach(new int[] {0x6}, null, e));
        e.map(0x3000, 0x8000, K4, IOMMU_READ);
        assertOk(0x8000, K4, t.translate(0x6, 0x3000, R));
        assertFault(Fault.PERMISSION, t.translate(0x6, 0x3000, W));
        assertEquals(FSR_PF, t.fsr(e.cbndx()));
    }

    @Test
    void case15_tlbStalenessStage1() {
        ArmSmmu s = new ArmSmmu(mmu500().build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, s.attach(new int[] {0x9}, null, d));
        d.map(0x7000, 0xa000, K4, RW);
        assertOk(0xa000, K4, s.translate(0x9, 0x7000, R));
        assertEquals(K4, d.unmapDeferred(0x7000, K4));
        assertOk(0xa000, K4, s.translate(0x9, 0x7000, R)); // stale
        s.tlbiVa(d.asid() + 1, 0x7000); // another ASID: no effect
        assertOk(0xa000, K4, s.translate(0x9, 0x7000, R));
        s.tlbiVa(d.asid(), 0x7000);
        assertFault(Fault.TRANSLATION, s.translate(0x9, 0x7000, R));
        // TLBIVA register write format (iova >> 12) | asid << 48, and TLBIASID
        d.map(0x7000, 0xb000, K4, RW);
        assertOk(0xb000, K4, s.translate(0x9, 0x7000, R));
        d.unmapDeferred(0x7000, K4);
        s.writeTlbiva(d.cbndx(), 0x7L | (long) d.asid() << 48);
        assertFault(Fault.TRANSLATION, s.translate(0x9, 0x7000, R));
        d.map(0x7000, 0xc000, K4, RW);
        assertOk(0xc000, K4, s.translate(0x9, 0x7000, R));
        d.unmapDeferred(0x7000, K4);
        d.flushIotlbAll();
        assertFault(Fault.TRANSLATION, s.translate(0x9, 0x7000, R));
        // strict unmap invalidates at once (TLBIVAL from tlb_add_page)
        d.map(0x7000, 0xd000, K4, RW);
        assertOk(0xd000, K4, s.translate(0x9, 0x7000, R));
        assertEquals(K4, d.unmap(0x7000, K4));
        assertFault(Fault.TRANSLATION, s.translate(0x9, 0x7000, R));
    }

    @Test
    void case15_tlbStalenessStage2V2AndV1() {
        for (SmmuVersion v : new SmmuVersion[] {SmmuVersion.V2, SmmuVersion.V1}) {
            ArmSmmu s = new ArmSmmu(SmmuConfig.builder().version(v).stages(false, true).addressBits(40, 40, 40).build(), false);
            SmmuDomain d = s.newDomain(SmmuDomain.Type.UNMANAGED);
            assertEquals(0, s.attach(new int[] {0x3}, null, d));
            assertEquals(1, d.vmid());
            d.map(0x7000, 0xa000, K4, RW);
            assertOk(0xa000, K4, s.translate(0x3, 0x7000, R));
            d.unmapDeferred(0x7000, K4);
            assertOk(0xa000, K4, s.translate(0x3, 0x7000, R));
            s.tlbiIpa(d.vmid(), 0x7000);
            assertFault(Fault.TRANSLATION, s.translate(0x3, 0x7000, R));
            d.map(0x7000, 0xb000, K4, RW);
            assertOk(0xb000, K4, s.translate(0x3, 0x7000, R));
            d.unmapDeferred(0x7000, K4);
            s.tlbiVmid(d.vmid());
            assertFault(Fault.TRANSLATION, s.translate(0x3, 0x7000, R));
            d.map(0x7000, 0xc000, K4, RW);
            assertOk(0xc000, K4, s.translate(0x3, 0x7000, R));
            assertEquals(K4, d.unmap(0x7000, K4)); // v2 TLBIIPAS2L, v1 TLBIVMID
            assertFault(Fault.TRANSLATION, s.translate(0x3, 0x7000, R));
        }
    }

    @Test
    void v1ContextsAreAarch32LpaeWithRoundRobinIrqs() {
        ArmSmmu s = new ArmSmmu(SmmuConfig.builder().version(SmmuVersion.V1).contextBanks(4, 0).addressBits(48, 40, 40).build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, s.attach(new int[] {1}, null, d));
        assertFalse(d.aarch64());
        assertEquals(32, d.pgtableConfig().ias);
        assertEquals(40, d.pgtableConfig().oas);
        assertEquals(1, d.irptndx());
        assertEquals(1, s.cbar(0) >>> 24);
        SmmuDomain e = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, s.attach(new int[] {2}, null, e));
        assertEquals(2, e.irptndx());
        // IOVA at or above 2^32: translation fault
        assertFault(Fault.TRANSLATION, s.translate(1, 0x1_0000_0000L, R));
        // MMU-401: AArch64 64K granule
        ArmSmmu m401 = new ArmSmmu(SmmuConfig.builder().version(SmmuVersion.V1_64K).aarch32L(false).addressBits(48, 48, 48).build(), false);
        SmmuDomain f = m401.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, m401.attach(new int[] {1}, null, f));
        assertTrue(f.aarch64());
        assertEquals(16, f.pgtableConfig().pgShift);
    }

    @Test
    void granuleFollowsKernelPageSize() {
        ArmSmmu s = new ArmSmmu(mmu500().aarch64Granules(1 << 12 | 1 << 14 | 1 << 16).kernelPageSize(16384).build(), false);
        SmmuDomain d = s.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, s.attach(new int[] {1}, null, d));
        assertEquals(14, d.pgtableConfig().pgShift);
        ArmSmmu t = new ArmSmmu(mmu500().kernelPageSize(16384).build(), false); // 4K + 64K
        SmmuDomain e = t.newDomain(SmmuDomain.Type.DMA);
        assertEquals(0, t.attach(new int[] {1}, null, e));
        assertEquals(12, e.pgtableConfig().pgShift);
    }

    @Test
    void versionsFromCompatible() {
        assertEquals(SmmuVersion.MMU500, SmmuVersion.fromCompatible(List.of("arm,mmu-500", "arm,smmu-v2")));
        assertEquals(SmmuVersion.MMU500, SmmuVersion.fromCompatible(List.of("qcom,sdm845-smmu-500", "arm,mmu-500")));
        assertEquals(SmmuVersion.V2, SmmuVersion.fromCompatible(List.of("qcom,sdm845-smmu-v2", "qcom,smmu-v2")));
        assertEquals(SmmuVersion.V1, SmmuVersion.fromCompatible(List.of("arm,mmu-400")));
        assertEquals(SmmuVersion.V1_64K, SmmuVersion.fromCompatible(List.of("arm,mmu-401")));
        assertNull(SmmuVersion.fromCompatible(List.of("arm,smmu-v3")));
    }

    @Test
    void legacyBinding() {
        SmmuBindingPolicy p = new SmmuBindingPolicy();
        assertEquals(0, p.probeSmmu(true));
        assertEquals(0, p.probeSmmu(true));
        assertEquals(-Errno.ENODEV, p.probeSmmu(false));
        assertTrue(p.usingLegacyBinding());
        SmmuBindingPolicy g = new SmmuBindingPolicy();
        assertEquals(0, g.probeSmmu(false));
        assertEquals(-Errno.ENODEV, g.probeSmmu(true));
        // mmu-masters = <&dev 0x100 0x101>: raw cells, no mask; no DMA domain, an unmanaged one works
        ArmSmmu s = new ArmSmmu(mmu500().build(), true);
        SmmuMaster m = new SmmuMaster("dev", SmmuBinding.legacyFwids(new int[] {0x100, 0x101}));
        assertEquals(0, s.probeDevice(m));
        assertEquals(0, s.smrMask(0));
        assertEquals(1, m.smeIndex(1));
        assertNull(s.newDomain(SmmuDomain.Type.DMA, p.usingLegacyBinding()));
        SmmuDomain d = s.newDomain(SmmuDomain.Type.UNMANAGED, p.usingLegacyBinding());
        assertEquals(0, s.attach(m, d));
        d.map(0, 0x4000, K4, RW);
        assertOk(0x4000, K4, s.translate(0x101, 0, R));
    }

    @Test
    void pciIommuMap() {
        assertEquals(0x1108, SmmuBinding.pciRidToSid(0x108, 0x0, 0x1000, 0x10000, null));
        assertEquals(-1, SmmuBinding.pciRidToSid(0x108, 0x200, 0x1000, 0x100, null));
        assertEquals(0x1008, SmmuBinding.pciRidToSid(0x108, 0x0, 0x1000, 0x100, 0xff));
    }
}
