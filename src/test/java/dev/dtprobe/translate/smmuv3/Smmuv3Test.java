package dev.dtprobe.translate.smmuv3;

import static dev.dtprobe.translate.smmuv3.Smmuv3Defs.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.LpaePageTable;
import dev.dtprobe.translate.pgtable.Xlate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Smmuv3Test {
    static final int R = Xlate.R, W = Xlate.W, RW = LpaePageTable.IOMMU_READ | LpaePageTable.IOMMU_WRITE;
    static final int NO = Smmuv3.NO_SSID;

    Smmuv3 smmu;
    Smmuv3Driver drv;

    void setUp(int sidBits, boolean twoLevel) {
        smmu = new Smmuv3(new GuestMemory(), sidBits, 20, twoLevel, true, true);
        drv = new Smmuv3Driver(smmu);
        drv.probe();
    }

    @Test
    void case6_bypassSte() {
        setUp(16, true);
        drv.attachBypass(0x10);
        SmmuResult r = smmu.translate(0x10, NO, 0xdead_b000L, W);
        assertEquals(SmmuResult.Kind.BYPASS, r.kind());
        assertEquals(0xdead_b000L, r.pa());
        assertEquals(0, smmu.iotlb().liveEntries());
        assertTrue(drv.readEvents().isEmpty());
    }

    @Test
    void case7_abortIsSilentInvalidIsBadSte() {
        setUp(16, true);
        drv.attachAbort(0x20);
        assertEquals(SmmuResult.Kind.ABORT, smmu.translate(0x20, NO, 0x1000, R).kind());
        assertTrue(drv.readEvents().isEmpty());
        // STE.V = 0
        long ste = drv.l2Table(0x21) + 0x21 * 64;
        smmu.memory().write64(ste, 0);
        SmmuResult r = smmu.translate(0x21, NO, 0x1000, R);
        assertEquals(C_BAD_STE, r.faultId());
        assertTrue(r.recorded());
        List<Smmuv3Event> ev = drv.readEvents();
        assertEquals(1, ev.size());
        assertEquals(C_BAD_STE, ev.get(0).id());
        assertEquals(0x21, ev.get(0).sid());
        // unattached streams get abort STEs from the driver (disable_bypass): silent
        assertEquals(SmmuResult.Kind.ABORT, smmu.translate(0x22, NO, 0x1000, R).kind());
    }

    @Test
    void case8_badStreamId() {
        setUp(8, false); // linear, LOG2SIZE 8
        assertFalse(drv.twoLevelStreamTable());
        assertEquals(8, smmu.readReg(STRTAB_BASE_CFG) & 0x3f);
        SmmuResult r = smmu.translate(0x1c9, NO, 0x1000, R);
        assertEquals(C_BAD_STREAMID, r.faultId());
        long evtq = smmu.readReg(EVTQ_BASE) & ~31L;
        assertEquals(0x000001c9_00000002L, smmu.memory().read64(evtq));
        assertEquals(0x1c9, drv.readEvents().get(0).sid());
    }

    @Test
    void case9_twoLevelStreamTable() {
        setUp(16, true);
        assertTrue(drv.twoLevelStreamTable());
        long cfg = smmu.readReg(STRTAB_BASE_CFG);
        assertEquals(8, (cfg >>> 6) & 31);
        assertEquals(STRTAB_FMT_2LVL, (cfg >>> 16) & 3);
        // no L2 for bus 3 yet: Span 0
        assertEquals(C_BAD_STREAMID, smmu.translate(0x0312, NO, 0x1000, R).faultId());
        assertEquals(0x0312, drv.readEvents().get(0).sid());
        var d = drv.allocDomain();
        assertEquals(0, drv.attach(0x0312, d));
        long l1 = smmu.memory().read64(drv.streamTableBase() + 3 * 8);
        assertEquals(9, l1 & 31);
        long l2 = l1 & 0xf_ffff_ffff_ffc0L;
        assertEquals(drv.l2Table(0x0312), l2);
        long ste0 = smmu.memory().read64(l2 + 0x480);
        assertEquals(STE_CFG_S1, (ste0 >>> 1) & 7);
        assertEquals(1, ste0 & 1);
        drv.map(d, 0x1000, 0x9000_0000L, 4096, RW);
        assertEquals(0x9000_0123L, smmu.translate(0x0312, NO, 0x1123, R).pa());
        // span bound: a hand-made L1 with Span 2 covers 2 STEs only
        smmu.memory().write64(drv.streamTableBase() + 5 * 8, 2 | l2);
        assertEquals(C_BAD_STREAMID, smmu.translate(0x0502, NO, 0x1000, R).faultId());
    }

    @Test
    void case10_unmappedRecordedOnlyWithCdR() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(0x40, d);
        SmmuResult r = smmu.translate(0x40, NO, 0x5000, R);
        assertEquals(F_TRANSLATION, r.faultId());
        Smmuv3Event e = drv.readEvents().get(0);
        assertEquals(F_TRANSLATION, e.id());
        assertTrue(e.read());
        assertEquals(0x5000, e.addr());
        assertEquals(0x40, e.sid());
        assertEquals(-1, e.ssid());
        // CD.R = 0 (and CFGI_CD + SYNC so that the SMMU sees it)
        long cdPtr = smmu.memory().read64(drv.l2Table(0x40) + 0x40 * 64) & 0xf_ffff_ffff_ffc0L;
        long cd0 = smmu.memory().read64(cdPtr);
        smmu.memory().write64(cdPtr, cd0 & ~CD_0_R);
        drv.issue(cfgiCd(0x40, 0, true));
        drv.issue(sync());
        r = smmu.translate(0x40, NO, 0x5000, R);
        assertEquals(SmmuResult.Kind.FAULT, r.kind());
        assertFalse(r.recorded());
        assertTrue(drv.readEvents().isEmpty());
    }

    @Test
    void cases11to13_blockSplitEexist() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(1, d);
        assertEquals(0, drv.map(d, 0x4020_0000L, 0x1_2340_0000L, 2L << 20, RW));
        SmmuResult r = smmu.translate(1, NO, 0x4032_1234L, R);
        assertEquals(0x1_2352_1234L, r.pa());
        assertEquals(2L << 20, r.mappingSize());
        assertEquals(4096, drv.unmap(d, 0x4020_3000L, 4096));
        assertEquals(F_TRANSLATION, smmu.translate(1, NO, 0x4020_3010L, R).faultId());
        assertEquals(0x1_2340_4010L, smmu.translate(1, NO, 0x4020_4010L, R).pa());
        assertEquals(-Errno.EEXIST, drv.map(d, 0x4020_4000L, 0x5555_0000L, 4096, RW));
        assertEquals(0x1_2340_4010L, smmu.translate(1, NO, 0x4020_4010L, R).pa());
    }

    @Test
    void case14_permissionAndAccessFlag() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(2, d);
        drv.map(d, 0x1000, 0x8000_1000L, 4096, LpaePageTable.IOMMU_READ);
        assertTrue(smmu.translate(2, NO, 0x1000, R).isOk());
        SmmuResult r = smmu.translate(2, NO, 0x1000, W);
        assertEquals(F_PERMISSION, r.faultId());
        assertFalse(r.stage2());
        Smmuv3Event e = drv.readEvents().get(0);
        assertEquals(F_PERMISSION, e.id());
        assertFalse(e.read());
        // AF = 0 → F_ACCESS even for a read
        drv.map(d, 0x2000, 0x8000_2000L, 4096, RW);
        long slot = d.pageTable().descriptorAddress(0x2000, 3);
        d.pageTable().writeDescriptor(slot, d.pageTable().readDescriptor(slot) & ~LpaePageTable.PTE_AF);
        assertEquals(F_ACCESS, smmu.translate(2, NO, 0x2000, R).faultId());
        // S2 page readable only (S2AP = 01): write → F_PERMISSION with S2 = 1
        var s2 = drv.allocDomain(Smmuv3Driver.Stage.S2);
        assertEquals(1, s2.vmid);
        drv.attach(3, s2);
        drv.map(s2, 0x3000, 0x8000_3000L, 4096, LpaePageTable.IOMMU_READ);
        drv.readEvents();
        assertEquals(0x8000_3010L, smmu.translate(3, NO, 0x3010, R).pa());
        r = smmu.translate(3, NO, 0x3010, W);
        assertEquals(F_PERMISSION, r.faultId());
        assertTrue(r.stage2());
        e = drv.readEvents().get(0);
        assertTrue(e.s2());
        assertEquals(0x3010, e.ipa() | 0x10);
    }

    @Test
    void case15_staleTlbUntilTlbiAndSync() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(4, d);
        drv.map(d, 0x7000, 0x1234_7000L, 4096, RW);
        assertEquals(0x1234_7010L, smmu.translate(4, NO, 0x7010, R).pa());
        assertEquals(4096, d.pageTable().unmap(0x7000, 4096)); // buggy driver: no TLBI
        assertEquals(0x1234_7010L, smmu.translate(4, NO, 0x7010, R).pa());
        drv.issue(tlbiNhVa(d.asid + 1, 0, 0x7000, true));       // wrong ASID + SYNC: still stale
        drv.issue(sync());
        assertEquals(0x1234_7010L, smmu.translate(4, NO, 0x7010, R).pa());
        drv.issue(tlbiNhVa(d.asid, 0, 0x7000, true));           // TLBI without SYNC: not complete
        assertEquals(0x1234_7010L, smmu.translate(4, NO, 0x7010, R).pa());
        drv.issue(sync());
        assertEquals(F_TRANSLATION, smmu.translate(4, NO, 0x7010, R).faultId());
    }

    @Test
    void case15b_driverUnmapInvalidates() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(4, d);
        drv.map(d, 0x7000, 0x1234_7000L, 4096, RW);
        assertTrue(smmu.translate(4, NO, 0x7010, R).isOk());
        assertEquals(4096, drv.unmap(d, 0x7000, 4096));
        assertEquals(F_TRANSLATION, smmu.translate(4, NO, 0x7010, R).faultId());
        // map needs no TLBI
        drv.map(d, 0x7000, 0x5000_7000L, 4096, RW);
        assertEquals(0x5000_7010L, smmu.translate(4, NO, 0x7010, R).pa());
    }

    @Test
    void staleStreamConfigUntilCfgiSte() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(5, d);
        drv.map(d, 0x1000, 0x8800_1000L, 4096, RW);
        assertTrue(smmu.translate(5, NO, 0x1000, R).isOk()); // STE cached
        long ste = drv.l2Table(5) + 5 * 64;
        smmu.memory().write64(ste, ste0(STE_CFG_BYPASS, 0, 0, 0)); // changed without CFGI_STE
        assertEquals(0x8800_1000L, smmu.translate(5, NO, 0x1000, R).pa());
        drv.issue(cfgiSte(5, true));
        assertEquals(SmmuResult.Kind.OK, smmu.translate(5, NO, 0x1000, R).kind()); // no SYNC yet
        drv.issue(cfgiSte(6, true)); // other SID
        drv.issue(sync());
        assertEquals(SmmuResult.Kind.BYPASS, smmu.translate(5, NO, 0x1000, R).kind());
        // CFGI_ALL also works
        smmu.memory().write64(ste, ste0(STE_CFG_ABORT, 0, 0, 0));
        assertEquals(SmmuResult.Kind.BYPASS, smmu.translate(5, NO, 0x1000, R).kind());
        drv.issue(cfgiAll());
        drv.issue(sync());
        assertEquals(SmmuResult.Kind.ABORT, smmu.translate(5, NO, 0x1000, R).kind());
    }

    @Test
    void driverReattachIsSeenImmediately() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(7, d);
        drv.map(d, 0x1000, 0x8800_1000L, 4096, RW);
        assertTrue(smmu.translate(7, NO, 0x1000, R).isOk());
        drv.attachBypass(7);
        assertEquals(SmmuResult.Kind.BYPASS, smmu.translate(7, NO, 0x1000, R).kind());
        drv.detach(7);
        assertEquals(SmmuResult.Kind.ABORT, smmu.translate(7, NO, 0x1000, R).kind());
        drv.attach(7, d);
        assertTrue(smmu.translate(7, NO, 0x1000, R).isOk());
    }

    @Test
    void substreamsAndCdTable() {
        setUp(16, true);
        var d = drv.allocDomain();
        var p = drv.allocDomain();
        assertEquals(1, d.asid);
        assertEquals(2, p.asid);
        assertEquals(0, drv.attach(8, d, 4)); // 16 CDs, S1DSS = SSID0
        drv.map(d, 0x1000, 0x8000_1000L, 4096, RW);
        drv.map(p, 0x1000, 0x9000_1000L, 4096, RW);
        assertEquals(0x8000_1000L, smmu.translate(8, NO, 0x1000, R).pa());
        assertEquals(0x8000_1000L, smmu.translate(8, 0, 0x1000, R).pa());
        assertEquals(C_BAD_CD, smmu.translate(8, 3, 0x1000, R).faultId());
        assertEquals(0, drv.setPasid(d, 3, p));
        SmmuResult r = smmu.translate(8, 3, 0x1000, R);
        assertEquals(0x9000_1000L, r.pa());
        SmmuResult bad = smmu.translate(8, 16, 0x1000, R);
        assertEquals(C_BAD_SUBSTREAMID, bad.faultId());
        List<Smmuv3Event> ev = drv.readEvents();
        assertEquals(C_BAD_CD, ev.get(0).id());
        assertEquals(3, ev.get(0).ssid());
        assertEquals(C_BAD_SUBSTREAMID, ev.get(1).id());
        assertEquals(16, ev.get(1).ssid());
        long d0 = ev.get(1).encode()[0];
        assertEquals(0x0000_0008_0001_0808L, d0);
        // unmapped with SSID: recorded F_TRANSLATION with SSV and SSID
        assertEquals(F_TRANSLATION, smmu.translate(8, 3, 0x5000, W).faultId());
        Smmuv3Event e = drv.readEvents().get(0);
        assertEquals(3, e.ssid());
        assertFalse(e.read());
        // a stream without substreams rejects an SSID
        drv.attach(9, drv.allocDomain());
        assertEquals(C_BAD_SUBSTREAMID, smmu.translate(9, 1, 0x1000, R).faultId());
    }

    @Test
    void twoLevelCdTable() {
        setUp(16, true);
        var d = drv.allocDomain();
        var p = drv.allocDomain();
        drv.attach(0x100, d, 12); // 4096 CDs → 2-level, 64K leaves
        drv.map(p, 0x1000, 0x9000_1000L, 4096, RW);
        assertEquals(C_BAD_CD, smmu.translate(0x100, 2049, 0x1000, R).faultId()); // L1 invalid
        assertEquals(0, drv.setPasid(d, 2049, p));
        assertEquals(0x9000_1000L, smmu.translate(0x100, 2049, 0x1000, R).pa());
    }

    @Test
    void s2OnlyDomainAndVmidTlbi() {
        smmu = new Smmuv3(new GuestMemory(), 16, 0, true, false, true);
        drv = new Smmuv3Driver(smmu);
        drv.probe();
        var d = drv.allocDomain();
        assertEquals(Smmuv3Driver.Stage.S2, d.stage);
        drv.attach(0x30, d);
        drv.map(d, 0x20_0000L, 0x4000_0000L, 2L << 20, RW);
        SmmuResult r = smmu.translate(0x30, NO, 0x20_1234L, W);
        assertEquals(0x4000_1234L, r.pa());
        d.pageTable().unmap(0x20_0000L, 2L << 20);
        assertTrue(smmu.translate(0x30, NO, 0x20_1234L, W).isOk()); // stale
        drv.issue(tlbiS2Ipa(d.vmid, 0x20_0000L, true));
        drv.issue(sync());
        SmmuResult f = smmu.translate(0x30, NO, 0x20_1234L, W);
        assertEquals(F_TRANSLATION, f.faultId());
        assertTrue(f.stage2());
        assertNull(drv.allocDomain(Smmuv3Driver.Stage.S1));
    }

    @Test
    void freeDomainFlushesAsidAndReusesIt() {
        setUp(16, true);
        var d = drv.allocDomain();
        drv.attach(0x11, d);
        drv.map(d, 0x1000, 0x8000_1000L, 4096, RW);
        assertTrue(smmu.translate(0x11, NO, 0x1000, R).isOk());
        drv.freeDomain(d);
        assertEquals(SmmuResult.Kind.ABORT, smmu.translate(0x11, NO, 0x1000, R).kind());
        var d2 = drv.allocDomain();
        assertEquals(d.asid, d2.asid);
        drv.attach(0x11, d2);
        assertEquals(F_TRANSLATION, smmu.translate(0x11, NO, 0x1000, R).faultId()); // no stale entry from the old ASID user
    }

    @Test
    void smmuDisabledFollowsGbpaAndIllegalCommand() {
        Smmuv3 s = new Smmuv3(new GuestMemory());
        assertEquals(SmmuResult.Kind.BYPASS, s.translate(1, NO, 0x1234, R).kind());
        s.writeReg(GBPA, GBPA_ABORT | GBPA_UPDATE);
        assertEquals(SmmuResult.Kind.ABORT, s.translate(1, NO, 0x1234, R).kind());
        setUp(16, true);
        drv.issue(new long[] {0x7f, 0});
        assertEquals(CMDQ_ERR_ILL, drv.commandError());
    }

    @Test
    void disableBypassFalseGivesBypassForUnattached() {
        smmu = new Smmuv3(new GuestMemory(), 8, 0, false, true, true);
        drv = new Smmuv3Driver(smmu, false);
        drv.probe();
        assertEquals(SmmuResult.Kind.BYPASS, smmu.translate(0x42, NO, 0x1234, R).kind());
    }

    @Test
    void eventRecordEncoding() {
        Smmuv3Event e = new Smmuv3Event(F_PERMISSION, 0xc9, 5, false, true, 0x1234, 0x1000);
        long[] d = e.encode();
        assertEquals(0x0000_00c9_0000_5813L, d[0]);
        assertEquals(1L << 39, d[1]);
        assertEquals(e, Smmuv3Event.decode(d[0], d[1], d[2], d[3]));
    }
}
