package dev.dtprobe.translate.ipmmu;

import static dev.dtprobe.translate.pgtable.LpaePageTable.IOMMU_READ;
import static dev.dtprobe.translate.pgtable.LpaePageTable.IOMMU_WRITE;
import static org.junit.jupiter.api.Assertions.*;

import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.Xlate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpmmuTest {
    static final int RW = IOMMU_READ | IOMMU_WRITE;
    static final long K4 = 4096, M2 = 2L << 20;

    static Ipmmu gen3Root() { return Ipmmu.root("e67b0000.iommu", IpmmuFeatures.GEN3); }

    static IpmmuResult.Ok assertOk(long pa, IpmmuResult r) {
        IpmmuResult.Ok ok = assertInstanceOf(IpmmuResult.Ok.class, r, r::toString);
        assertEquals(pa, ok.pa(), r::toString);
        return ok;
    }

    static IpmmuResult.Fault assertFault(int kind, IpmmuResult r) {
        IpmmuResult.Fault f = assertInstanceOf(IpmmuResult.Fault.class, r, r::toString);
        assertEquals(Xlate.faultName(kind), Xlate.faultName(f.kind()), r::toString);
        assertTrue(f.recorded());
        return f;
    }

    // ---------------------------------------------------------------- translators.md §9 case 17

    @Test
    void case17_sharingTwoMastersOneContext() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        assertEquals(0, ds1.attachDevice("devA", 8));
        assertEquals(0, ds1.attachDevice("devB", 9));
        IpmmuDomain d = ds1.defaultDomain();
        assertEquals(1, d.contextId(), "ctx 0 is reserved on Gen3");
        int expect = 1 << 4 | Ipmmu.IMUCTR_FLUSH | Ipmmu.IMUCTR_MMUEN;
        assertEquals(expect, ds1.imuctr(8));
        assertEquals(expect, ds1.imuctr(9));
        assertEquals(0, ds1.imuasid(8));
        assertEquals(1, ds1.utlbCtx(9));
        assertEquals(List.of("devA: Using IPMMU context 1", "devB: Reusing IPMMU context 1"), ds1.log());

        assertEquals(0, d.map(0x1000_0000L, 0x4_8000_0000L, K4, RW));
        IpmmuResult.Ok a = assertOk(0x4_8000_0abcL, ds1.translate(8, 0x1000_0abcL, Xlate.R));
        IpmmuResult.Ok b = assertOk(0x4_8000_0abcL, ds1.translate(9, 0x1000_0abcL, Xlate.W));
        assertEquals(K4, a.mappingSize());
        assertEquals(1, b.ctx());
        assertEquals(Xlate.R | Xlate.W | Xlate.X, a.perm());

        IpmmuResult u10 = ds1.translate(10, 0x1000_0abcL, Xlate.R);
        assertInstanceOf(IpmmuResult.Bypass.class, u10);
        assertEquals(0x1000_0abcL, u10.pa());
    }

    @Test
    void contextRegistersLiveInTheRoot() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        assertEquals(0, ds1.attachDevice("devA", 8));
        IpmmuDomain d = ds1.defaultDomain();
        assertEquals(Ipmmu.IMCTR_INTEN | Ipmmu.IMCTR_MMUEN, mm.imctr(1));
        assertEquals(Ipmmu.IMCTR_INTEN | Ipmmu.IMCTR_MMUEN, ds1.leafImctr(1), "ipmmu_ctx_write_all");
        assertEquals(Ipmmu.IMTTBCR_EAE | Ipmmu.IMTTBCR_SL0_TWOBIT_LVL_1, mm.imttbcr(1));
        assertEquals((int) d.pageTable().pgdAddress(), mm.imttlbr0(1));
        assertEquals(0, mm.imttubr0(1));
        assertEquals(IpmmuDomain.MAIR, mm.immair0(1));
        assertEquals(0b11, mm.contextBitmap());
        assertSame(d, mm.contextDomain(1));
        assertFalse(mm.registersWithIommuCore());
        assertEquals(-Errno.ENODEV, mm.attachDevice("devX", 0), "no masters behind a Gen3 root");
        // page table geometry: ARM_32_LPAE_S1
        assertEquals(32, d.pageTable().config().ias);
        assertEquals(40, d.pageTable().config().oas);
        assertEquals(3, d.pageTable().config().levels);
        assertEquals(1, d.pageTable().config().startLevel);
        assertEquals(4, d.pageTable().config().pgdEntries());
    }

    // ---------------------------------------------------------------- translators.md §9 case 18

    @Test
    void case18_ioavaAboveApertureIsTranslationFaultInRoot() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        assertEquals(0, ds1.attachDevice("devA", 8));
        ds1.defaultDomain().map(0, 0x4_8000_0000L, M2, RW);
        IpmmuResult.Fault f = assertFault(Xlate.F_TRANSLATION, ds1.translate(8, 0x1_0000_0000L, Xlate.R));
        assertEquals(1, f.ctx());
        assertEquals(Ipmmu.IMSTR_TF, f.imstrBits());
        assertEquals(Ipmmu.IMSTR_TF, mm.imstr(1));
        assertEquals(0, mm.imelar(1));
        assertEquals(1, mm.imeuar(1));
        assertEquals(Ipmmu.IMSTR_TF, ds1.imstr(1), "read through the leaf comes from the root");
        assertEquals(List.of("e67b0000.iommu: Unhandled fault: status 0x00000001 iova 0x100000000"), mm.handleIrq());
        assertEquals(0, mm.imstr(1), "IRQ handler clears IMSTR");
        assertTrue(mm.handleIrq().isEmpty());
    }

    @Test
    void case18_eighthDomainOnGen3IsEbusy() {
        Ipmmu mm = gen3Root();
        for (int i = 0; i < 7; i++) {
            Ipmmu leaf = Ipmmu.cache("leaf" + i, mm, i);
            assertEquals(0, leaf.attachDevice("dev" + i, 0));
            assertEquals(i + 1, leaf.defaultDomain().contextId());
        }
        Ipmmu eighth = Ipmmu.cache("leaf7", mm, 7);
        assertEquals(-Errno.EBUSY, eighth.attachDevice("dev7", 0));
        assertNull(eighth.defaultDomain().mmu(), "domain->mmu = NULL after a failed init");
        assertEquals(0, eighth.imuctr(0), "uTLB not enabled");
        assertEquals(List.of("dev7: Unable to initialize IPMMU context"), eighth.log());
        assertEquals(-Errno.ENODEV, eighth.defaultDomain().map(0, 0, K4, RW));
        assertInstanceOf(IpmmuResult.Bypass.class, eighth.translate(0, 0x1234, Xlate.R));

        // freeing one context lets the waiting domain in, with the lowest free id
        mm.contextDomain(3).free();
        assertEquals(0, eighth.attachDevice("dev7", 0));
        assertEquals(3, eighth.defaultDomain().contextId());
    }

    // ---------------------------------------------------------------- other rules

    @Test
    void gen2HasOneContextZeroAndNoSplit() {
        Ipmmu ip = Ipmmu.probe("e6740000.mmu", IpmmuFeatures.GEN2, gen3Root(), 0);
        assertTrue(ip.isRoot(), "renesas,ipmmu-main ignored without cache/leaf split");
        assertTrue(ip.registersWithIommuCore());
        assertEquals(0, ip.attachDevice("ee100000.mmc", 31));
        assertEquals(0, ip.defaultDomain().contextId());
        assertEquals(Ipmmu.IMTTBCR_EAE | Ipmmu.IMTTBCR_SL0_LVL_1 | Ipmmu.IMTTBCR_SH0_INNER_SHAREABLE
                | Ipmmu.IMTTBCR_ORGN0_WB_WA | Ipmmu.IMTTBCR_IRGN0_WB_WA, ip.imttbcr(0));
        IpmmuDomain other = new IpmmuDomain();
        assertEquals(-Errno.EBUSY, other.attach("dev2", ip, 1), "one context on Gen2");
        assertEquals(-Errno.EINVAL, ip.attachDevice("dev3", 32), "uTLB 32 does not exist on Gen2");
        assertThrows(IllegalArgumentException.class, () -> ip.translate(32, 0, Xlate.R));
        assertThrows(IllegalArgumentException.class, () -> Ipmmu.cache("x", ip, 0));
    }

    @Test
    void gen4Has15UsableContexts() {
        Ipmmu mm = Ipmmu.root("eefc0000.iommu", IpmmuFeatures.GEN4);
        for (int i = 1; i < 16; i++) {
            Ipmmu leaf = Ipmmu.cache("leaf" + i, mm, i);
            assertEquals(0, leaf.attachDevice("dev" + i, 63));
            assertEquals(i, leaf.defaultDomain().contextId());
        }
        assertEquals(-Errno.EBUSY, Ipmmu.cache("leaf16", mm, 16).attachDevice("dev16", 0));
        assertEquals(15, IpmmuFeatures.GEN4.usableContexts());
        assertEquals(7, IpmmuFeatures.GEN3.usableContexts());
    }

    @Test
    void crossInstanceAttachRefused() {
        Ipmmu mm = gen3Root();
        Ipmmu ds0 = Ipmmu.cache("febd0000.iommu", mm, 0);
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        IpmmuDomain d = new IpmmuDomain();
        assertEquals(0, d.attach("devA", ds0, 4));
        assertEquals(-Errno.EINVAL, d.attach("devB", ds1, 5));
        assertEquals(List.of("devB: Can't attach IPMMU e7740000.iommu to domain on IPMMU febd0000.iommu"), ds1.log());
        assertEquals(0, ds1.imuctr(5), "refused device's uTLB stays disabled");
        assertSame(ds0, d.mmu());
        assertEquals(0b11, mm.contextBitmap(), "no second context allocated");
    }

    @Test
    void wholeContextFlushAfterUnmap() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        assertEquals(0, ds1.attachDevice("devA", 8));
        IpmmuDomain d = ds1.defaultDomain();
        assertEquals(0, d.map(0x1000, 0x8000_1000L, K4, RW));
        assertEquals(0, d.map(0x2000, 0x8000_2000L, K4, RW));
        assertOk(0x8000_1010L, ds1.translate(8, 0x1010, Xlate.R));
        assertOk(0x8000_2010L, ds1.translate(8, 0x2010, Xlate.R));
        long misses = ds1.tlb().misses();
        assertOk(0x8000_2020L, ds1.translate(8, 0x2020, Xlate.R));
        assertEquals(misses, ds1.tlb().misses(), "TLB hit");
        long flushes = d.flushCount();

        assertEquals(K4, d.unmap(0x1000, K4));
        assertEquals(flushes + 1, d.flushCount(), "iotlb_sync: one IMCTR.FLUSH");
        assertEquals(0, ds1.tlb().liveEntries(), "every entry of the context is gone");
        assertOk(0x8000_2020L, ds1.translate(8, 0x2020, Xlate.R));
        assertEquals(misses + 1, ds1.tlb().misses(), "the untouched page was flushed too");
        assertFault(Xlate.F_TRANSLATION, ds1.translate(8, 0x1010, Xlate.R));
    }

    @Test
    void staleTranslationUntilFlushWithoutIotlbSync() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        ds1.attachDevice("devA", 8);
        IpmmuDomain d = ds1.defaultDomain();
        d.map(0x7000, 0x9000_7000L, K4, RW);
        assertOk(0x9000_7000L, ds1.translate(8, 0x7000, Xlate.R));
        assertEquals(K4, d.pageTable().unmapPage(0x7000, K4)); // leaf: no tlb_add_page on IPMMU
        assertOk(0x9000_7000L, ds1.translate(8, 0x7000, Xlate.R));
        d.flushAll();
        assertFault(Xlate.F_TRANSLATION, ds1.translate(8, 0x7000, Xlate.R));
    }

    @Test
    void permissionFaultSetsPf() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        ds1.attachDevice("devA", 8);
        ds1.defaultDomain().map(0x4000, 0x5000_4000L, K4, IOMMU_READ);
        assertOk(0x5000_4008L, ds1.translate(8, 0x4008, Xlate.R));
        IpmmuResult.Fault f = assertFault(Xlate.F_PERMISSION, ds1.translate(8, 0x4008, Xlate.W));
        assertEquals(Ipmmu.IMSTR_PF, f.imstrBits());
        assertEquals(0x4008, mm.imelar(1));
        // a second fault before the IRQ handler ran: bits accumulate, the first address stays
        assertFault(Xlate.F_TRANSLATION, ds1.translate(8, 0x9000, Xlate.R));
        assertEquals(Ipmmu.IMSTR_PF | Ipmmu.IMSTR_TF, mm.imstr(1));
        assertEquals(0x4008, mm.imelar(1));
        assertEquals(2, mm.faultCount());
    }

    @Test
    void blockMappingReportsSize() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        ds1.attachDevice("devA", 40);
        assertEquals(0, ds1.defaultDomain().map(0x4020_0000L, 0xff_4020_0000L, M2, RW));
        IpmmuResult.Ok ok = assertOk(0xff_4032_1234L, ds1.translate(40, 0x4032_1234L, Xlate.R));
        assertEquals(M2, ok.mappingSize());
        assertEquals(2, ok.level());
        assertEquals(-Errno.ERANGE, ds1.defaultDomain().map(0, 1L << 40, K4, RW), "OAS 40");
    }

    @Test
    void detachAndFree() {
        Ipmmu mm = gen3Root();
        Ipmmu ds1 = Ipmmu.cache("e7740000.iommu", mm, 1);
        ds1.attachDevice("devA", 8, 9);
        IpmmuDomain d = ds1.defaultDomain();
        d.map(0x1000, 0x2000, K4, RW);
        ds1.detachDevice(9);
        assertEquals(0, ds1.imuctr(9));
        assertInstanceOf(IpmmuResult.Bypass.class, ds1.translate(9, 0x1000, Xlate.R));
        assertOk(0x2000, ds1.translate(8, 0x1000, Xlate.R));
        d.free();
        assertEquals(0, mm.imctr(1));
        assertEquals(0b01, mm.contextBitmap());
        assertInstanceOf(IpmmuResult.Bypass.class, ds1.translate(8, 0x1000, Xlate.R), "context MMUEN = 0");
    }

    @Test
    void compatiblesAndRegisterOffsets() {
        assertEquals(IpmmuFeatures.GEN3, IpmmuFeatures.forCompatibles(List.of("renesas,ipmmu-r8a7795", "renesas,ipmmu-vmsa")));
        assertEquals(IpmmuFeatures.GEN2, IpmmuFeatures.forCompatibles(List.of("renesas,ipmmu-r8a7791", "renesas,ipmmu-vmsa")));
        assertEquals(IpmmuFeatures.GEN4, IpmmuFeatures.forCompatible("renesas,rcar-gen4-ipmmu-vmsa"));
        assertNull(IpmmuFeatures.forCompatible("arm,mmu-500"));
        assertEquals(0x60, IpmmuFeatures.GEN3.ctxReg(1, Ipmmu.IMSTR));
        assertEquals(0x800, IpmmuFeatures.GEN3.ctxReg(8, Ipmmu.IMCTR));
        assertEquals(0x10000 + 0x600 + 8 * 0x1040, IpmmuFeatures.GEN4.ctxReg(8, Ipmmu.IMCTR));
        assertEquals(0x380, IpmmuFeatures.GEN3.imuctrReg(8));
        assertEquals(0x680, IpmmuFeatures.GEN3.imuctrReg(40));
        assertEquals(0x3300, IpmmuFeatures.GEN4.imuctrReg(0));
        assertEquals(0x388, IpmmuFeatures.GEN3.imuasidReg(8));
    }
}
