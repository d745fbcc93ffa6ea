package dev.dtprobe.translate.pgtable;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** translators.md §3.1 worked geometry cases. */
class LpaeGeometryTest {

    @ParameterizedTest(name = "{0} granule {1} IAS {2}: {3} levels from L{4}, PGD {5}")
    @CsvSource({
        "S1, 4096, 48, 4, 0, 512",
        "S1, 4096, 39, 3, 1, 512",
        "S2, 4096, 40, 3, 1, 1024",   // 4 -> 3 levels, 2 concatenated L1 tables (8 KB PGD)
        "S1, 4096, 32, 3, 1, 4",      // IPMMU ARM_32_LPAE_S1
        "S1, 16384, 48, 4, 0, 2",
        "S1, 16384, 47, 3, 1, 2048",
        "S1, 65536, 48, 3, 1, 64",
        "S1, 65536, 42, 2, 2, 8192",
    })
    void geometry(String stage, int granule, int ias, int levels, int start, int pgd) {
        LpaeConfig c = stage.equals("S1") ? LpaeConfig.stage1(granule, ias, 48) : LpaeConfig.stage2(granule, ias, 48);
        assertEquals(levels, c.levels, c.toString());
        assertEquals(start, c.startLevel, c.toString());
        assertEquals(pgd, c.pgdEntries(), c.toString());
        assertEquals(64 - ias, c.t0sz());
    }

    @Test
    void s1With4kIas40IsNotConcatenated() {
        LpaeConfig c = LpaeConfig.stage1(4096, 40, 48);
        assertEquals(0, c.startLevel);
        assertEquals(2, c.pgdEntries());
        assertFalse(c.concatenated);
        assertTrue(LpaeConfig.stage2(4096, 40, 48).concatenated);
    }

    @Test
    void shiftsAndLeafSizes4k() {
        LpaeConfig c = LpaeConfig.stage1(4096, 48, 48);
        assertArrayEquals(new int[] {39, 30, 21, 12},
                new int[] {c.levelShift(0), c.levelShift(1), c.levelShift(2), c.levelShift(3)});
        assertFalse(c.leafAllowed(0));
        assertTrue(c.leafAllowed(1));  // 1G
        assertTrue(c.leafAllowed(2));  // 2M
        assertTrue(c.leafAllowed(3));  // 4K
        assertEquals((1L << 12) | (1L << 21) | (1L << 30), c.pgsizeBitmap);
    }

    @Test
    void shiftsAndLeafSizes16k() {
        LpaeConfig c = LpaeConfig.stage1(16384, 48, 48);
        assertArrayEquals(new int[] {47, 36, 25, 14},
                new int[] {c.levelShift(0), c.levelShift(1), c.levelShift(2), c.levelShift(3)});
        assertFalse(c.leafAllowed(1)); // 64G blocks do not exist
        assertTrue(c.leafAllowed(2));  // 32M
        assertEquals((1L << 14) | (1L << 25), c.pgsizeBitmap);
    }

    @Test
    void shiftsAndLeafSizes64k() {
        LpaeConfig c = LpaeConfig.stage1(65536, 48, 48);
        assertEquals(42, c.levelShift(1));
        assertEquals(29, c.levelShift(2));
        assertEquals(16, c.levelShift(3));
        assertFalse(c.leafAllowed(1));
        assertEquals((1L << 16) | (1L << 29), c.pgsizeBitmap);
        LpaeConfig big = LpaeConfig.stage1(65536, 52, 52);
        assertTrue(big.leafAllowed(1)); // 4T with OAS > 48
        assertEquals(1L << 42, big.pgsizeBitmap & (1L << 42));
    }

    @Test
    void rejectsBadGeometry() {
        assertThrows(IllegalArgumentException.class, () -> LpaeConfig.stage1(8192, 48, 48));
        assertThrows(IllegalArgumentException.class, () -> LpaeConfig.stage1(4096, 52, 48));
        assertThrows(IllegalArgumentException.class, () -> LpaeConfig.stage1(4096, 48, 52));
    }
}
