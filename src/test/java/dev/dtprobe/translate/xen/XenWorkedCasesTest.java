package dev.dtprobe.translate.xen;

import static dev.dtprobe.translate.xen.GrantDmaAddress.DMA_MAPPING_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Xen scenarios of translators.md §9, with the values given there. */
class XenWorkedCasesTest {

    @Test
    @DisplayName("§9 case 19: Xen grant decode")
    void case19XenGrantDecode() {
        GrantTable table = new GrantTable(5, 1);
        table.grantForeignAccess(0x123, 1, 0x45678, false);
        XenGrantTranslator backend = new XenGrantTranslator(table);
        long dma = 0x8000_0000_0012_3456L;

        GrantTranslation.Ok ok = assertInstanceOf(GrantTranslation.Ok.class, backend.lookup(1, dma, Access.READ));
        assertEquals(0x123, ok.gref());
        assertEquals(0x456, ok.offset());
        assertEquals(0x4567_8456L, ok.pa());

        // Denied: the same address from domid 2.
        assertEquals(GrantFault.WRONG_DOMAIN, kind(backend.lookup(2, dma, Access.READ)));
        // Denied: a write when GTF_readonly is set.
        table.grantForeignAccess(0x123, 1, 0x45678, true);
        assertEquals(GrantFault.READ_ONLY_VIOLATION, kind(backend.lookup(1, dma, Access.WRITE)));
        assertTrue(backend.lookup(1, dma, Access.READ).ok());
        // Denied: a DMA address without bit 63.
        assertEquals(GrantFault.NOT_GRANT_ADDRESS, kind(backend.lookup(1, 0x0000_0000_0012_3456L, Access.READ)));
        // Denied: gref 5 (reserved).
        assertEquals(GrantFault.RESERVED_GRANT_REF,
                kind(backend.lookup(1, GrantDmaAddress.encode(5, 0x456), Access.READ)));
    }

    @Test
    @DisplayName("§9 case 20: Xen multi-page map")
    void case20XenMultiPageMap() {
        GrantTable table = new GrantTable(5, 4);
        // Fill the first grant frame (refs 8..511) so that the Linux allocator grows the table and
        // hands out 0x200 next, as in the worked case. (On a fresh table the run would be 8, 9.)
        for (int i = 0; i < 504; i++) {
            table.allocSeq(1);
        }
        XenGrantDma dev = new XenGrantDma("virtio-mmio 2000000.virtio", table, 1);
        XenGrantTranslator backend = new XenGrantTranslator(table);

        long handle = dev.map(0x4000_0f00L, 0x200, DmaDirection.FROM_DEVICE);
        assertEquals((1L << 63) | (0x200L << 12) | 0xf00, handle);
        assertEquals(0x8000_0000_0020_0f00L, handle);
        for (int g : new int[] {0x200, 0x201}) {
            GrantEntry e = table.entry(g);
            assertTrue(e.granted());
            assertFalse(e.readOnly());
            assertEquals(1, e.domid());
        }
        assertFalse(table.allocated(0x202));

        GrantTranslation.Ok ok = assertInstanceOf(GrantTranslation.Ok.class,
                backend.lookup(1, handle + 0x150, Access.WRITE));
        assertEquals(0x201, ok.gref());
        assertEquals(0x50, ok.offset());
        assertEquals(0x4000_1050L, ok.pa());

        // The backend still has the pages mapped (reading/writing set) when the guest unmaps.
        assertTrue(backend.pin(1, handle, Access.WRITE).ok());
        assertTrue(backend.pin(1, handle + 0x150, Access.WRITE).ok());
        assertFalse(dev.unmap(handle, 0x200, DmaDirection.FROM_DEVICE));
        assertTrue(dev.broken());
        assertEquals(DMA_MAPPING_ERROR, dev.map(0x4000_3000L, 0x10, DmaDirection.TO_DEVICE));
    }

    private static GrantFault kind(GrantTranslation t) {
        return assertInstanceOf(GrantTranslation.Fault.class, t).kind();
    }
}
