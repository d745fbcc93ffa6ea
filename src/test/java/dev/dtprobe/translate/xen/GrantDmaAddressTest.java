package dev.dtprobe.translate.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrantDmaAddressTest {

    @Test
    void grantToDmaSetsBit63AndShiftsRef() {
        assertEquals(0x8000_0000_0012_3000L, GrantDmaAddress.grantToDma(0x123));
        assertEquals(0x8000_0000_0000_8000L, GrantDmaAddress.grantToDma(8));
    }

    @Test
    void encodeDecodeRoundTripWithPageOffset() {
        for (long gref : new long[] {8, 0x123, 0x200, 0xffff_ffffL}) {
            for (long off : new long[] {0, 1, 0x456, 0xfff}) {
                long dma = GrantDmaAddress.encode(gref, off);
                assertTrue(GrantDmaAddress.isGrantAddress(dma));
                assertEquals(gref, GrantDmaAddress.gref(dma));
                assertEquals((int) gref, GrantDmaAddress.dmaToGrant(dma));
                assertEquals(off, GrantDmaAddress.offset(dma));
            }
        }
    }

    @Test
    void decodeOfWorkedAddress() {
        long dma = 0x8000_0000_0012_3456L;
        assertEquals(0x123, GrantDmaAddress.gref(dma));
        assertEquals(0x456, GrantDmaAddress.offset(dma));
    }

    @Test
    void multiPageBufferAddressesStepThroughConsecutiveRefs() {
        long handle = GrantDmaAddress.encode(0x200, 0xf00);
        long later = handle + 0x1150; // second page after the first, 0x50 into ref 0x202
        assertEquals(0x202, GrantDmaAddress.gref(later));
        assertEquals(0x50, GrantDmaAddress.offset(later));
    }

    @Test
    void guestDecodeTruncatesToThirtyTwoBitsLikeDmaToGrant() {
        long dma = GrantDmaAddress.ADDR_OFF | (0x1_0000_0009L << 12);
        assertEquals(0x1_0000_0009L, GrantDmaAddress.gref(dma));
        assertEquals(9, GrantDmaAddress.dmaToGrant(dma));
    }

    @Test
    void addressWithoutBit63IsNotAGrantAddress() {
        assertFalse(GrantDmaAddress.isGrantAddress(0x0000_0000_0012_3456L));
    }

    @Test
    void encodeRejectsOffsetOutsidePage() {
        assertThrows(IllegalArgumentException.class, () -> GrantDmaAddress.encode(8, 0x1000));
        assertThrows(IllegalArgumentException.class, () -> GrantDmaAddress.encode(8, -1));
    }

    @Test
    void pfnUpCountsXenPages() {
        assertEquals(1, GrantDmaAddress.pfnUp(1));
        assertEquals(1, GrantDmaAddress.pfnUp(0x1000));
        assertEquals(2, GrantDmaAddress.pfnUp(0xf00 + 0x200));
        assertEquals(0, GrantDmaAddress.pfnUp(0));
    }
}
