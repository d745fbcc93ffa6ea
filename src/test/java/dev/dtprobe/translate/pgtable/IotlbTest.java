package dev.dtprobe.translate.pgtable;

import static dev.dtprobe.translate.pgtable.LpaePageTable.*;
import static dev.dtprobe.translate.pgtable.Xlate.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class IotlbTest {
    static final long K4 = 4096, M2 = 2L << 20;
    static final int RW = IOMMU_READ | IOMMU_WRITE;

    static LpaePageTable table() { return new LpaePageTable(LpaeConfig.stage1(4096, 48, 48)); }

    @Test
    void case15_staleTranslationUntilTlbi() {
        // §9 case 15, architectural mode
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(1024);
        CachedTranslator c = new CachedTranslator(t, tlb, 5, 0, false);
        t.map(0x7000, 0x1234_7000L, K4, RW);
        assertEquals(0x1234_7010L, pa(c.translate(0x7010, R)));  // fills the TLB
        assertEquals(K4, t.unmap(0x7000, K4));                  // no TLBI
        long stale = c.translate(0x7010, R);
        assertFalse(isFault(stale));
        assertEquals(0x1234_7010L, pa(stale));                  // still the old PA
        tlb.invalidateVa(5, Iotlb.ANY, 0x7000, K4);              // TLBI_NH_VA(asid 5, 0x7000) + SYNC
        long r = c.translate(0x7010, R);
        assertTrue(isFault(r));
        assertEquals(F_TRANSLATION, faultKind(r));
        assertEquals(3, level(r));
        // coherent mode: the unmap's tlb_add_page callback invalidates at once
        LpaePageTable t2 = table();
        CachedTranslator coh = new CachedTranslator(t2, new Iotlb(1024), 5, 0, true);
        t2.map(0x7000, 0x1234_7000L, K4, RW);
        assertEquals(0x1234_7010L, pa(coh.translate(0x7010, R)));
        t2.unmap(0x7000, K4);
        assertEquals(F_TRANSLATION, faultKind(coh.translate(0x7010, R)));
    }

    @Test
    void hitsDoNotWalk() {
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(256);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        t.map(0x10_0000L, 0x20_0000L, K4, RW);
        c.translate(0x10_0000L, R);
        assertEquals(1, tlb.misses());
        // change the table under the TLB: a hit must not see it
        long slot = t.descriptorAddress(0x10_0000L, 3);
        t.writeDescriptor(slot, 0);
        for (int i = 0; i < 10; i++) assertEquals(0x20_0abcL, pa(c.translate(0x10_0abcL, R | W)));
        assertEquals(1, tlb.misses());
        c.tlbiContext();
        assertTrue(isFault(c.translate(0x10_0abcL, R)));
    }

    @Test
    void hitChecksPermissions() {
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(256);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        t.map(0x1000, 0x2000, K4, IOMMU_READ);
        assertFalse(isFault(c.translate(0x1000, R)));
        long r = c.translate(0x1000, W);
        assertEquals(1, tlb.misses());
        assertEquals(F_PERMISSION, faultKind(r));
        assertEquals(3, level(r));
    }

    @Test
    void faultsAreNotCached() {
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(256);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        assertTrue(isFault(c.translate(0x1000, R)));
        t.map(0x1000, 0x2000, K4, RW);
        assertEquals(0x2000, pa(c.translate(0x1000, R)));  // new mappings need no TLBI
    }

    @Test
    void blockEntriesKeepSizeAndAreInvalidatedByAnyAddressInside() {
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(1024);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        t.map(0x4020_0000L, 0x1_2340_0000L, M2, RW);
        long r = c.translate(0x4032_1234L, R);
        assertEquals(21, sizeShift(r));
        c.translate(0x4020_0000L, R);
        long hit = c.translate(0x4032_1238L, R);
        assertEquals(0x1_2352_1238L, pa(hit));
        assertEquals(21, sizeShift(hit));
        assertEquals(2, level(hit));
        assertEquals(2, tlb.liveEntries());
        // QEMU semantics: invalidating one 4K inside the 2M block removes the block's entries
        tlb.invalidateVa(1, 0, 0x4030_0000L, K4);
        assertEquals(0, tlb.liveEntries());
    }

    @Test
    void invalidationByAsidVmidAndAll() {
        Iotlb tlb = new Iotlb(1024);
        LpaePageTable a = table(), b = table();
        a.map(0x1000, 0xa000, K4, RW);
        b.map(0x1000, 0xb000, K4, RW);
        CachedTranslator ca = new CachedTranslator(a, tlb, 1, 7, false);
        CachedTranslator cb = new CachedTranslator(b, tlb, 2, 7, false);
        ca.translate(0x1000, R);
        cb.translate(0x1000, R);
        assertEquals(0xa000, pa(ca.translate(0x1000, R)));   // same IOVA, distinct contexts
        assertEquals(0xb000, pa(cb.translate(0x1000, R)));
        assertEquals(2, tlb.liveEntries());
        tlb.invalidateAsid(1, Iotlb.ANY);
        assertEquals(1, tlb.liveEntries());
        ca.translate(0x1000, R);
        tlb.invalidateVmid(7);
        assertEquals(0, tlb.liveEntries());
        ca.translate(0x1000, R);
        cb.translate(0x1000, R);
        tlb.invalidateAll();
        assertEquals(0, tlb.liveEntries());
        // TLBI_NH_VAA (any ASID)
        ca.translate(0x1000, R);
        cb.translate(0x1000, R);
        tlb.invalidateVa(Iotlb.ANY, 7, 0x1000, K4);
        assertEquals(0, tlb.liveEntries());
    }

    @Test
    void rangeInvalidationExactAndScan() {
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(4096);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        t.map(0x100_0000L, 0x800_0000L, 512 * K4 + K4, RW); // 2M block + 4K? iova 16M-aligned: 2M + 4K
        for (int i = 0; i < 300; i++) c.translate(0x100_0000L + i * K4, R);
        c.translate(0x120_0000L, R);
        assertEquals(301, tlb.liveEntries());
        // 4K page range with no block entries in a fresh context: exact probes
        LpaePageTable u = table();
        CachedTranslator d = new CachedTranslator(u, tlb, 2, 0, false);
        u.map(0x0, 0x100_0000L, 100 * K4, RW);
        for (int i = 0; i < 100; i++) d.translate(i * K4, R);
        assertEquals(401, tlb.liveEntries());
        d.tlbiVa(10 * K4, 20 * K4);          // 20 pages: exact
        assertEquals(381, tlb.liveEntries());
        d.tlbiVa(40 * K4, 200 * K4);         // 200 pages: scan
        assertEquals(321, tlb.liveEntries());
        assertTrue(isFault(u.translate(1L << 47, R)));
        c.tlbiVa(0x120_0000L, K4);
        assertEquals(320, tlb.liveEntries());
    }

    @Test
    void generationWrapDoesNotResurrectEntries() {
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(64);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        t.map(0x1000, 0x2000, K4, RW);
        c.translate(0x1000, R);
        t.unmap(0x1000, K4);
        for (int i = 0; i < 4096; i++) {
            c.tlbiContext();
        }
        assertTrue(isFault(c.translate(0x1000, R)), "entry must stay invalid after the generation wraps");
    }

    @Test
    void fourPagesOfOneSetStayCachedAndAFifthEvictsOne() {
        // 64 entries = 16 sets of 4 ways; a set holds pages whose page numbers agree in bits [5:2],
        // so pages 64 granules apart share one set (and one home way)
        LpaePageTable t = table();
        Iotlb tlb = new Iotlb(64);
        CachedTranslator c = new CachedTranslator(t, tlb, 1, 0, false);
        for (int k = 0; k < 5; k++) t.map(k * 64 * K4, 0x100_0000L + k * K4, K4, RW);
        for (int k = 0; k < 4; k++) c.translate(k * 64 * K4, R);
        assertEquals(4, tlb.misses());
        for (int k = 0; k < 4; k++) assertEquals(0x100_0000L + k * K4 + 8, pa(c.translate(k * 64 * K4 + 8, R)));
        assertEquals(4, tlb.misses(), "four pages of one set all hit");
        c.translate(4 * 64 * K4, R);
        assertEquals(4, tlb.liveEntries(), "the fifth page replaced one way");
        int cached = 0;
        for (int k = 0; k < 5; k++) if (tlb.lookup(c.contextId(), k * 64 * K4, R) != Iotlb.MISS) cached++;
        assertEquals(4, cached, "the fifth page and three of the first four are cached");
        assertNotEquals(Iotlb.MISS, tlb.lookup(c.contextId(), 4 * 64 * K4, R));
    }

    @Test
    void contextsHaveSeparateSlices() {
        Iotlb tlb = new Iotlb(16);
        LpaePageTable a = table(), b = table();
        for (int k = 0; k < 16; k++) {
            a.map(k * K4, 0xa00_0000L + k * K4, K4, RW);
            b.map(k * K4, 0xb00_0000L + k * K4, K4, RW);
        }
        CachedTranslator ca = new CachedTranslator(a, tlb, 1, 0, false);
        CachedTranslator cb = new CachedTranslator(b, tlb, 2, 0, false);
        for (int k = 0; k < 16; k++) ca.translate(k * K4, R);
        for (int k = 0; k < 16; k++) cb.translate(k * K4, R);
        assertEquals(32, tlb.liveEntries(), "16 entries per context, not 16 shared");
        assertSame(tlb.slice(ca.contextId()), tlb.slice(tlb.context(1, 0, 12)));
    }

    @Test
    void manyContextsKeepTheirOwnEntries() {
        Iotlb tlb = new Iotlb(4);
        LpaePageTable t = table();
        t.map(0x1000, 0x2000, K4, RW);
        for (int asid = 0; asid < 100; asid++) tlb.fill(tlb.context(asid, 0, 12), 0x1000, t.translate(0x1000, R));
        assertEquals(100, tlb.liveEntries());
        tlb.invalidateAsid(42, Iotlb.ANY);
        assertEquals(Iotlb.MISS, tlb.lookup(tlb.context(42, 0, 12), 0x1000, R));
        assertEquals(0x2010, pa(tlb.lookup(tlb.context(99, 0, 12), 0x1010, R)));
        assertEquals(99, tlb.liveEntries());
    }

    /** translators.md §9 case 16: QEMU's 256-entry IOTLB is flushed whole by the 257th insert. */
    @Test
    void case16_qemuIotlbFlushesAllWhenFull() {
        LpaePageTable t = table();
        for (int p = 0; p < 257; p++) {
            assertEquals(0, t.map(0x10_0000_0000L + p * K4, 0x8000_0000L + p * K4, K4, RW));
        }
        QemuIotlb q = new QemuIotlb();
        for (int p = 0; p < 256; p++) {
            long iova = 0x10_0000_0000L + p * K4;
            assertEquals(Iotlb.MISS, q.lookup(1, 0, iova, 12, 4));
            q.insert(1, 0, iova, t.translate(iova, R));
        }
        assertEquals(256, q.size());
        assertEquals(0x8000_0010L, pa(q.lookup(1, 0, 0x10_0000_0010L, 12, 4)), "page 1 hits while the table is full");
        long p257 = 0x10_0000_0000L + 256 * K4;
        assertEquals(Iotlb.MISS, q.lookup(1, 0, p257, 12, 4));
        q.insert(1, 0, p257, t.translate(p257, R)); // the 257th insert flushes everything first
        assertEquals(1, q.flushes());
        assertEquals(1, q.size());
        long missesBefore = q.misses();
        assertEquals(Iotlb.MISS, q.lookup(1, 0, 0x10_0000_0010L, 12, 4), "page 1 is a miss after the flush");
        assertEquals(missesBefore + 1, q.misses());
        q.insert(1, 0, 0x10_0000_0000L, t.translate(0x10_0000_0000L, R)); // the walk refills it
        assertEquals(0x8000_0010L, pa(q.lookup(1, 0, 0x10_0000_0010L, 12, 4)));
    }
}
