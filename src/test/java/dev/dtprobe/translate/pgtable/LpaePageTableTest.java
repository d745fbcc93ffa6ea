package dev.dtprobe.translate.pgtable;

import static dev.dtprobe.translate.pgtable.LpaePageTable.*;
import static dev.dtprobe.translate.pgtable.Xlate.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.dtprobe.kernel.Errno;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LpaePageTableTest {
    static final long K4 = 4096, M2 = 2L << 20, G1 = 1L << 30;
    static final int RW = IOMMU_READ | IOMMU_WRITE;

    static LpaePageTable s1(int granule, int ias) { return new LpaePageTable(LpaeConfig.stage1(granule, ias, 48)); }

    static void assertOk(long pa, int sizeShift, int level, long r) {
        assertFalse(isFault(r), () -> Xlate.toString(r));
        assertEquals(pa, pa(r), () -> Xlate.toString(r));
        assertEquals(sizeShift, sizeShift(r), () -> Xlate.toString(r));
        assertEquals(level, level(r), () -> Xlate.toString(r));
    }

    static void assertFault(int kind, int level, long r) {
        assertTrue(isFault(r), () -> Xlate.toString(r));
        assertEquals(faultName(kind), faultName(faultKind(r)));
        assertEquals(level, level(r), () -> Xlate.toString(r));
    }

    /** A TlbOps that records the calls, as "flushWalk iova size" / "addPage iova size". */
    static final class Recorder implements TlbOps {
        final List<String> calls = new ArrayList<>();
        @Override public void flushWalk(long iova, long size, long granule) { calls.add(String.format("flushWalk 0x%x 0x%x", iova, size)); }
        @Override public void addPage(long iova, long granule) { calls.add(String.format("addPage 0x%x 0x%x", iova, granule)); }
    }

    // ---------------------------------------------------------------- §9 worked cases

    @Test
    void case1_smmuV2PageTranslation() {
        // §9 case 1, page-table part: IOVA 0x1000 -> PA 0x8000_1000 (4K); 0x1234 -> 0x8000_1234
        LpaePageTable t = s1(4096, 48);
        assertEquals(0, t.map(0x1000, 0x8000_1000L, K4, RW));
        assertOk(0x8000_1234L, 12, 3, t.translate(0x1234, R));
    }

    @Test
    void case10_unmappedIova() {
        // §9 case 10, page-table part: read of unmapped 0x5000 -> F_TRANSLATION (L0: empty PGD)
        LpaePageTable t = s1(4096, 48);
        assertFault(F_TRANSLATION, 0, t.translate(0x5000, R));
        t.map(0x1000, 0x9000, K4, RW);
        assertFault(F_TRANSLATION, 3, t.translate(0x5000, R));
        assertEquals(0, t.iovaToPhys(0x5000));
    }

    @Test
    void case11_2mBlock() {
        LpaePageTable t = s1(4096, 48);
        assertEquals(0, t.map(0x4020_0000L, 0x1_2340_0000L, M2, RW));
        // L0 index 0, L1 index 1, L2 index 1; the L2 descriptor is a block
        assertEquals(0, (0x4020_0000L >>> 39) & 511);
        assertEquals(1, (0x4020_0000L >>> 30) & 511);
        assertEquals(1, (0x4020_0000L >>> 21) & 511);
        long l2 = t.readDescriptor(t.descriptorAddress(0x4020_0000L, 2));
        assertEquals(PTE_TYPE_BLOCK, l2 & 3);
        assertEquals(0x1_2340_0000L, l2 & PTE_ADDR_MASK);
        assertEquals(PTE_TYPE_TABLE, t.readDescriptor(t.descriptorAddress(0x4020_0000L, 1)) & 3);
        // found at level 2 from start level 0: three descriptor reads; mapping size 2M
        long r = t.translate(0x4032_1234L, R | W);
        assertOk(0x1_2352_1234L, 21, 2, r);
        assertEquals(M2, mappingSize(r));
        assertEquals(0x1_2352_1234L, t.iovaToPhys(0x4032_1234L));
    }

    @Test
    void case12_blockSplitOnPartialUnmap() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x4020_0000L, 0x1_2340_0000L, M2, RW);
        Recorder rec = new Recorder();
        t.setTlbOps(rec);
        assertEquals(4096, t.unmap(0x4020_3000L, K4));
        // L2 is now a table of 512 L3 pages with slot 3 invalid
        assertEquals(PTE_TYPE_TABLE, t.readDescriptor(t.descriptorAddress(0x4020_0000L, 2)) & 3);
        for (int i = 0; i < 512; i++) {
            long d = t.readDescriptor(t.descriptorAddress(0x4020_0000L + i * K4, 3));
            if (i == 3) {
                assertEquals(0, d);
            } else {
                assertEquals(PTE_TYPE_PAGE, d & 3);
                assertEquals(0x1_2340_0000L + i * K4, d & PTE_ADDR_MASK);
            }
        }
        assertFault(F_TRANSLATION, 3, t.translate(0x4020_3010L, R));
        assertOk(0x1_2340_4010L, 12, 3, t.translate(0x4020_4010L, R));
        // v5.x: only the unmapped page is queued for invalidation
        assertEquals(List.of("addPage 0x40203000 0x1000"), rec.calls);
    }

    @Test
    void case13_mapOverExistingLeafIsEexist() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x4020_0000L, 0x1_2340_0000L, M2, RW);
        t.unmap(0x4020_3000L, K4);
        assertEquals(-Errno.EEXIST, t.map(0x4020_4000L, 0x5555_0000L, K4, RW));
        assertOk(0x1_2340_4010L, 12, 3, t.translate(0x4020_4010L, R));
        // the hole can be mapped again
        assertEquals(0, t.map(0x4020_3000L, 0x5555_0000L, K4, RW));
        assertOk(0x5555_0010L, 12, 3, t.translate(0x4020_3010L, R));
    }

    @Test
    void case14_permissionsAndAccessFlag() {
        // S1 read-only page: AP[2] set
        LpaePageTable t = s1(4096, 48);
        t.map(0x1000, 0x2000, K4, IOMMU_READ);
        long d = t.readDescriptor(t.descriptorAddress(0x1000, 3));
        assertEquals(PTE_AP_RDONLY, d & PTE_AP_RDONLY);
        assertOk(0x2000, 12, 3, t.translate(0x1000, R));
        assertFault(F_PERMISSION, 3, t.translate(0x1000, W));
        // S2 page with S2AP = 01 (read only): write faults
        LpaePageTable s2 = new LpaePageTable(LpaeConfig.stage2(4096, 40, 48));
        s2.map(0x1000, 0x2000, K4, IOMMU_READ);
        assertEquals(PTE_HAP_READ, s2.readDescriptor(s2.descriptorAddress(0x1000, 3)) & (3L << 6));
        assertOk(0x2000, 12, 3, s2.translate(0x1000, R));
        assertFault(F_PERMISSION, 3, s2.translate(0x1000, W));
        // S1 page with AF = 0 (AFFD = 0): F_ACCESS even for a read, before the permission check
        long slot = t.descriptorAddress(0x1000, 3);
        t.writeDescriptor(slot, d & ~PTE_AF);
        assertFault(F_ACCESS, 3, t.translate(0x1000, R));
        assertFault(F_ACCESS, 3, t.translate(0x1000, W));
        t.setAccessFlagFaultDisable(true);
        assertOk(0x2000, 12, 3, t.translate(0x1000, R));
        // Linux's iova_to_phys ignores AF and permissions
        assertEquals(0x2000, t.iovaToPhys(0x1000));
    }

    @Test
    void case17and18_ipmmu32BitTable() {
        // §9 cases 17/18, page-table part: ARM_32_LPAE_S1 (IAS 32, OAS 40, 3 levels)
        LpaePageTable t = new LpaePageTable(LpaeConfig.stage1(4096, 32, 40));
        assertEquals(0, t.map(0x1000_0000L, 0x4_8000_0000L, K4, RW));
        assertOk(0x4_8000_0abcL, 12, 3, t.translate(0x1000_0abcL, R));
        // IOVA beyond IAS: translation fault; map refuses it with -ERANGE
        assertFault(F_TRANSLATION, 1, t.translate(0x1_0000_0000L, R));
        assertEquals(-Errno.ERANGE, t.mapPage(0x1_0000_0000L, 0x1000, K4, RW));
        assertEquals(-Errno.ERANGE, t.mapPage(0x2000, 1L << 40, K4, RW));
    }

    // ---------------------------------------------------------------- map

    @Test
    void mapChoosesLargestAlignedBlocks() {
        LpaePageTable t = s1(4096, 48);
        // 0x3fe0_0000 + (2M + 1G + 2M + 4K): iommu_pgsize picks 2M, then 1G, then 2M, then 4K
        long iova = 0x3fe0_0000L, pa = 0x1_3fe0_0000L, size = M2 + G1 + M2 + K4;
        assertEquals(0, t.map(iova, pa, size, RW));
        assertOk(pa, 21, 2, t.translate(iova, R));
        assertOk(pa + M2, 30, 1, t.translate(iova + M2, R));
        assertOk(pa + M2 + G1 + 0x123, 21, 2, t.translate(iova + M2 + G1 + 0x123, R));
        assertOk(pa + M2 + G1 + M2, 12, 3, t.translate(iova + M2 + G1 + M2, R));
        assertFault(F_TRANSLATION, 3, t.translate(iova + size, R));
        // PA alignment limits the block size too (iommu_pgsize uses iova | paddr)
        LpaePageTable u = s1(4096, 48);
        assertEquals(0, u.map(0x4000_0000L, 0x1000_1000L, M2, RW));
        assertOk(0x1000_1000L, 12, 3, u.translate(0x4000_0000L, R));
        assertOk(0x1020_0fffL, 12, 3, u.translate(0x401f_ffffL, R));
    }

    @Test
    void pgsizeAsIommuCore() {
        LpaePageTable t = s1(4096, 48);
        assertEquals(G1, t.pgsize(0x4000_0000L, 3 * G1));
        assertEquals(M2, t.pgsize(0x4020_0000L, 3 * G1));
        assertEquals(K4, t.pgsize(0x4020_1000L, G1));
        assertEquals(M2, t.pgsize(0x4000_0000L, G1 - K4));
        assertEquals(G1, t.pgsize(0, G1)); // addr 0: no alignment limit
    }

    @Test
    void mapErrors() {
        LpaePageTable t = s1(4096, 48);
        assertEquals(-Errno.EINVAL, t.mapPage(0x1000, 0x2000, 8192, RW));     // not one page size
        assertEquals(-Errno.EINVAL, t.mapPage(0x1000, 0x2000, M2, RW));       // unaligned
        assertEquals(-Errno.EINVAL, t.map(0x1800, 0x2000, K4, RW));           // iommu_map alignment
        assertEquals(-Errno.ERANGE, t.mapPage(1L << 48, 0x2000, K4, RW));
        assertEquals(0, t.map(0x1000, 0x2000, 0, RW));                        // iommu_map of 0 bytes: nothing, 0
        assertEquals(0, t.map(0x1000, 0x2000, K4, 0));                       // no access: nothing mapped
        assertFault(F_TRANSLATION, 0, t.translate(0x1000, R));
        assertEquals(0, t.map(0x1000, 0x2000, K4, IOMMU_WRITE));             // write-only S1 is readable
        assertOk(0x2000, 12, 3, t.translate(0x1000, R | W));
    }

    @Test
    void eexistOnOverlapAndUnrollOfPartialMap() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x20_3000L, 0x9000_0000L, K4, RW);
        // 4 pages from 0x20_1000; the third collides -> -EEXIST and the first two are unmapped again
        assertEquals(-Errno.EEXIST, t.map(0x20_1000L, 0x7000_1000L, 4 * K4, RW));
        assertFault(F_TRANSLATION, 3, t.translate(0x20_1000L, R));
        assertFault(F_TRANSLATION, 3, t.translate(0x20_2000L, R));
        assertOk(0x9000_0000L, 12, 3, t.translate(0x20_3000L, R));
        assertFault(F_TRANSLATION, 3, t.translate(0x20_4000L, R));
        // a 2M block over a 4K page inside a 2M block: the block slot holds a table.
        // v5.x arm_lpae_init_pte unmaps and frees the table, then installs the block.
        assertEquals(0, t.mapPage(0x20_0000L, 0x1_0000_0000L, M2, RW));
        assertOk(0x1_0000_3000L, 21, 2, t.translate(0x20_3000L, R));
        // a 4K page inside that block: -EEXIST at level 2 (leaf where a table is needed)
        assertEquals(-Errno.EEXIST, t.mapPage(0x20_5000L, 0x5000, K4, RW));
    }

    @Test
    void descriptorBitsAsLinuxSetsThem() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x1000, 0x2000, K4, IOMMU_READ | IOMMU_WRITE | IOMMU_CACHE | IOMMU_NOEXEC);
        long d = t.readDescriptor(t.descriptorAddress(0x1000, 3));
        assertEquals(0x2000L | PTE_TYPE_PAGE | PTE_AF | PTE_SH_IS | PTE_NG | PTE_AP_UNPRIV | (1L << 2) | PTE_XN, d);
        assertEquals(0, isFault(t.translate(0x1000, X)) ? 0 : 1);
        t.map(0x4000, 0x5000, K4, IOMMU_READ | IOMMU_PRIV | IOMMU_MMIO);
        d = t.readDescriptor(t.descriptorAddress(0x4000, 3));
        assertEquals(0x5000L | PTE_TYPE_PAGE | PTE_AF | PTE_SH_IS | PTE_NG | PTE_AP_RDONLY | (2L << 2), d);
        assertEquals(R | X, perm(t.translate(0x4000, R)));
        LpaePageTable s2 = new LpaePageTable(LpaeConfig.stage2(4096, 40, 48));
        s2.map(0x1000, 0x2000, K4, RW | IOMMU_CACHE);
        d = s2.readDescriptor(s2.descriptorAddress(0x1000, 3));
        assertEquals(0x2000L | PTE_TYPE_PAGE | PTE_AF | PTE_SH_IS | PTE_HAP_READ | PTE_HAP_WRITE | PTE_MEMATTR_OIWB, d);
        // the block descriptor of a 2M mapping has type 01
        t.map(0x20_0000L, 0x40_0000L, M2, RW);
        assertEquals(PTE_TYPE_BLOCK, t.readDescriptor(t.descriptorAddress(0x20_0000L, 2)) & 3);
    }

    @Test
    void reservedLevel3TypeIsTranslationFault() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x1000, 0x2000, K4, RW);
        long slot = t.descriptorAddress(0x1000, 3);
        t.writeDescriptor(slot, (t.readDescriptor(slot) & ~3L) | 1);
        assertFault(F_TRANSLATION, 3, t.translate(0x1000, R));
        assertEquals(0, t.iovaToPhys(0x1000));
    }

    @Test
    void addressSizeFault() {
        LpaePageTable t = new LpaePageTable(LpaeConfig.stage1(4096, 48, 40));
        t.map(0x1000, 0x2000, K4, RW);
        long slot = t.descriptorAddress(0x1000, 3);
        t.writeDescriptor(slot, t.readDescriptor(slot) | (1L << 44)); // output >= 2^OAS
        assertFault(F_ADDR_SIZE, 3, t.translate(0x1000, R));
    }

    // ---------------------------------------------------------------- unmap

    @Test
    void unmapWholeTableRangeFreesTheTable() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x20_0000L, 0x80_0000L, 16 * K4, RW);
        t.map(0x20_0000L + 16 * K4, 0x90_0000L, K4, RW);
        // 17 4K pages under one L3 table; unmapping the whole 2M clears the L2 entry and frees it
        int tables = t.liveTables();
        Recorder rec = new Recorder();
        t.setTlbOps(rec);
        assertEquals(M2, t.unmapPage(0x20_0000L, M2));
        assertEquals(tables - 1, t.liveTables());
        assertEquals(List.of("flushWalk 0x200000 0x200000"), rec.calls);
        assertFault(F_TRANSLATION, 2, t.translate(0x20_0000L, R));
    }

    @Test
    void unmapOfUnmappedReturnsZero() {
        LpaePageTable t = s1(4096, 48);
        assertEquals(0, t.unmap(0x1000, K4));
        t.map(0x1000, 0x2000, K4, RW);
        assertEquals(0, t.unmap(0x3000, K4));
        assertEquals(0, t.unmap(0x1800, K4)); // unaligned
        assertEquals(K4, t.unmap(0x1000, K4));
        assertEquals(0, t.unmap(0x1000, K4));
        // unmap stops at the first hole: pages 0x10000 and 0x12000 mapped, 0x11000 not
        t.map(0x10000, 0x2000, K4, RW);
        t.map(0x12000, 0x3000, K4, RW);
        assertEquals(K4, t.unmap(0x10000, 3 * K4));
        assertOk(0x3000, 12, 3, t.translate(0x12000, R));
    }

    @Test
    void splitOf1gBlockBy4kUnmapSplitsTwice() {
        LpaePageTable t = s1(4096, 48);
        assertEquals(0, t.map(0x4000_0000L, 0x8000_0000L, G1, RW | IOMMU_NOEXEC));
        Recorder rec = new Recorder();
        t.setTlbOps(rec);
        assertEquals(K4, t.unmap(0x4060_5000L, K4));
        // L1: table; L2: 511 x 2M blocks + 1 table; L3: 511 pages + the hole
        assertEquals(PTE_TYPE_TABLE, t.readDescriptor(t.descriptorAddress(0x4000_0000L, 1)) & 3);
        long l2other = t.readDescriptor(t.descriptorAddress(0x4020_0000L, 2));
        assertEquals(PTE_TYPE_BLOCK, l2other & 3);
        assertEquals(0x8020_0000L, l2other & PTE_ADDR_MASK);
        assertEquals(PTE_XN, l2other & PTE_XN); // attributes carried over
        assertEquals(PTE_TYPE_TABLE, t.readDescriptor(t.descriptorAddress(0x4060_0000L, 2)) & 3);
        assertFault(F_TRANSLATION, 3, t.translate(0x4060_5000L, R));
        assertOk(0x8060_6000L, 12, 3, t.translate(0x4060_6000L, R));
        assertOk(0x8060_4fffL, 12, 3, t.translate(0x4060_4fffL, R));
        assertOk(0x8080_0000L, 21, 2, t.translate(0x4080_0000L, R));
        assertOk(0xbfff_ffffL, 21, 2, t.translate(0x7fff_ffffL, R));
        assertEquals(List.of("addPage 0x40605000 0x1000"), rec.calls);
        // 2M unmap inside a 1G block: one split, the 2M slot left empty
        LpaePageTable u = s1(4096, 48);
        u.map(0x4000_0000L, 0x8000_0000L, G1, RW);
        assertEquals(M2, u.unmap(0x4040_0000L, M2));
        assertFault(F_TRANSLATION, 2, u.translate(0x4040_0000L, R));
        assertOk(0x8060_0000L, 21, 2, u.translate(0x4060_0000L, R));
    }

    @Test
    void splitDropsContiguousBit() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x20_0000L, 0x40_0000L, M2, RW);
        long slot = t.descriptorAddress(0x20_0000L, 2);
        t.writeDescriptor(slot, t.readDescriptor(slot) | PTE_CONT | (1L << 55));
        t.unmap(0x20_0000L, K4);
        long d = t.readDescriptor(t.descriptorAddress(0x20_1000L, 3));
        assertEquals(0, d & (PTE_CONT | (1L << 55)));
    }

    @Test
    void unmapLargerRangeOverBlocksAndPages() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x0, 0x1000_0000L, 4 * M2, RW);
        t.unmap(0x20_0000L + 5 * K4, K4); // split block 1
        // iommu_unmap cuts the range into 2M pieces: a block, the split region (a table at the
        // 2M level: cleared and freed whole), then two more blocks
        int tables = t.liveTables();
        assertEquals(4 * M2, t.unmap(0, 4 * M2));
        assertEquals(tables - 1, t.liveTables());
        assertFault(F_TRANSLATION, 2, t.translate(0x30_0000L, R));
    }

    // ---------------------------------------------------------------- other granules

    @Test
    void granule16kBlocksAndPages() {
        LpaePageTable t = s1(16384, 48);
        long m32 = 32L << 20;
        assertEquals(0, t.map(0x200_0000L, 0x4000_0000L, m32 + 16384, RW));
        assertOk(0x4000_1234L, 25, 2, t.translate(0x200_1234L, R));
        assertOk(0x4200_0010L, 14, 3, t.translate(0x400_0010L, R));
        assertEquals(16384, t.unmap(0x200_4000L, 16384));
        assertFault(F_TRANSLATION, 3, t.translate(0x200_4000L, R));
        assertOk(0x4000_8000L, 14, 3, t.translate(0x200_8000L, R));
        assertEquals(-Errno.EINVAL, t.map(0x1000, 0x1000, 4096, RW));
    }

    @Test
    void granule64kWith52BitOutputPacksHighBits() {
        LpaePageTable t = new LpaePageTable(LpaeConfig.stage1(65536, 52, 52));
        long pa = 0xA_0000_1234_0000L; // PA[51:48] = 0xA
        assertEquals(0, t.map(0x1_0000L, pa, 65536, RW));
        long d = t.readDescriptor(t.descriptorAddress(0x1_0000L, 3));
        assertEquals(0xAL << 12, d & 0xf000L);      // PA[51:48] packed in bits [15:12]
        assertEquals(0x1234_0000L, d & 0xffff_ffff_0000L & PTE_ADDR_MASK);
        assertOk(pa | 0xbeef, 16, 3, t.translate(0x1_beefL, R));
        assertEquals(pa | 0xbeef, t.iovaToPhys(0x1_beefL));
        assertEquals(0, t.map(1L << 42, 0, 1L << 42, RW)); // 4T block at L1
        assertOk(0x1234_5678L, 42, 1, t.translate((1L << 42) + 0x1234_5678L, R));
    }

    @Test
    void stage2ConcatenatedPgd() {
        LpaePageTable t = new LpaePageTable(LpaeConfig.stage2(4096, 40, 48));
        // IPA with bit 39 set uses the second concatenated L1 table (PGD index 512+)
        long ipa = (1L << 39) | 0x4000_0000L;
        assertEquals(0, t.map(ipa, 0x8000_0000L, G1, RW));
        assertOk(0x8000_0042L, 30, 1, t.translate(ipa + 0x42, R));
        assertEquals(t.pgdAddress() + (512 + 1) * 8L, t.descriptorAddress(ipa, 1));
        assertFault(F_TRANSLATION, 1, t.translate(1L << 40, R));
    }

    @Test
    void freedTablesAreReused() {
        LpaePageTable t = s1(4096, 48);
        t.map(0x20_0000L, 0x40_0000L, K4, RW);
        long bytes = t.tableBytes();
        t.unmapPage(0x0, G1); // nothing there at 1G granularity? the L1 slot holds a table: frees L2+L3
        assertTrue(t.tableBytes() < bytes);
        t.map(0x20_0000L, 0x40_0000L, K4, RW);
        assertEquals(bytes, t.tableBytes());
    }
}
