package dev.dtprobe.translate.xen;

import static dev.dtprobe.translate.xen.GrantDmaAddress.DMA_MAPPING_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class XenGrantDmaTest {
    private final GrantTable table = new GrantTable(5, 1);
    private final XenGrantDma dev = new XenGrantDma("virtio-mmio 2000000.virtio", table, 1);
    private final XenGrantTranslator backend = new XenGrantTranslator(table);

    @Test
    void singlePageMapGrantsOneRefAtPageOffset() {
        long dma = dev.map(0x4000_0123L, 0x80, DmaDirection.FROM_DEVICE);
        assertEquals(0x8000_0000_0000_8123L, dma);
        GrantEntry e = table.entry(8);
        assertTrue(e.granted());
        assertFalse(e.readOnly());
        assertEquals(1, e.domid());
        assertEquals(0x40000, e.frame());
        assertFalse(table.allocated(9));
    }

    @Test
    void multiPageMapTakesConsecutiveRefsForEachPage() {
        long dma = dev.map(0x4000_0800L, 0x2000, DmaDirection.BIDIRECTIONAL); // 0x800+0x2000 -> 3 pages
        assertEquals(GrantDmaAddress.encode(8, 0x800), dma);
        for (int i = 0; i < 3; i++) {
            GrantEntry e = table.entry(8 + i);
            assertTrue(e.granted());
            assertEquals(0x40000 + i, e.frame());
            assertFalse(e.readOnly());
        }
        assertFalse(table.allocated(11));
        List<GrantTranslation> pages = backend.lookupRange(1, dma, 0x2000, Access.WRITE);
        assertEquals(3, pages.size());
        assertEquals(0x4000_0800L, ((GrantTranslation.Ok) pages.get(0)).pa());
        assertEquals(0x4000_1000L, ((GrantTranslation.Ok) pages.get(1)).pa());
        assertEquals(0x4000_2000L, ((GrantTranslation.Ok) pages.get(2)).pa());
        assertEquals(10, ((GrantTranslation.Ok) pages.get(2)).gref());
    }

    @Test
    void toDeviceMappingsAreReadOnly() {
        long dma = dev.map(0x5000_0000L, 0x1001, DmaDirection.TO_DEVICE);
        assertTrue(table.entry(8).readOnly());
        assertTrue(table.entry(9).readOnly());
        assertTrue(backend.lookup(1, dma, Access.READ).ok());
        GrantTranslation w = backend.lookup(1, dma, Access.WRITE);
        assertEquals(GrantFault.READ_ONLY_VIOLATION, ((GrantTranslation.Fault) w).kind());
        assertEquals(GrantTranslation.PERM_READ, ((GrantTranslation.Ok) backend.lookup(1, dma, Access.READ)).perm());
    }

    @Test
    void fromDeviceAndBidirectionalAreWritable() {
        dev.map(0x5000_0000L, 0x10, DmaDirection.FROM_DEVICE);
        dev.map(0x6000_0000L, 0x10, DmaDirection.BIDIRECTIONAL);
        assertFalse(table.entry(8).readOnly());
        assertFalse(table.entry(9).readOnly());
    }

    @Test
    void unmapEndsAndFreesTheRun() {
        long dma = dev.map(0x4000_0f00L, 0x200, DmaDirection.FROM_DEVICE);
        assertEquals(502, table.freeCount());
        assertTrue(dev.unmap(dma, 0x200, DmaDirection.FROM_DEVICE));
        assertEquals(504, table.freeCount());
        assertFalse(table.entry(8).granted());
        assertFalse(table.entry(9).granted());
        assertEquals(GrantFault.NOT_GRANTED, ((GrantTranslation.Fault) backend.lookup(1, dma, Access.READ)).kind());
        assertFalse(dev.broken());
    }

    @Test
    void unmapWithAGrantStillInUseMarksTheDeviceBroken() {
        long dma = dev.map(0x4000_0f00L, 0x200, DmaDirection.FROM_DEVICE); // refs 8, 9
        long secondPage = dma + 0x150;
        assertTrue(backend.pin(1, secondPage, Access.WRITE).ok());
        assertTrue(table.entry(9).inUse());

        assertFalse(dev.unmap(dma, 0x200, DmaDirection.FROM_DEVICE));
        assertTrue(dev.broken());
        assertEquals(List.of("virtio-mmio 2000000.virtio: " + XenGrantDma.STILL_IN_USE_ALERT), dev.log());
        assertEquals(List.of("WARNING: g.e. 0x9 still in use!"), table.log());
        // Ref 8 was ended before the failure, ref 9 is still granted; neither is freed (leaked).
        assertTrue(table.entry(8).ended());
        assertTrue(table.entry(9).granted());
        assertTrue(table.allocated(8) && table.allocated(9));
        assertEquals(502, table.freeCount());

        // Every later operation fails.
        assertEquals(DMA_MAPPING_ERROR, dev.map(0x7000_0000L, 0x10, DmaDirection.TO_DEVICE));
        assertEquals(DMA_MAPPING_ERROR, dev.alloc(0x7000_0000L, 0x1000));
        assertTrue(backend.unpin(secondPage, Access.WRITE));
        assertFalse(dev.unmap(dma, 0x200, DmaDirection.FROM_DEVICE));
        assertTrue(table.allocated(9));
        assertEquals(502, table.freeCount());
    }

    @Test
    void unmapSucceedsOnceTheBackendHasUnmapped() {
        long dma = dev.map(0x4000_0000L, 0x100, DmaDirection.TO_DEVICE);
        assertTrue(backend.pin(1, dma, Access.READ).ok());
        assertTrue(backend.unpin(dma, Access.READ));
        assertFalse(table.entry(8).inUse());
        assertTrue(dev.unmap(dma, 0x100, DmaDirection.TO_DEVICE));
        assertFalse(dev.broken());
    }

    @Test
    void mapFailsWhenNoConsecutiveRefsAreLeft() {
        assertEquals(8, table.allocSeq(503)); // leaves only ref 511
        assertTrue(dev.map(0x4000_0000L, 0x10, DmaDirection.TO_DEVICE) != DMA_MAPPING_ERROR);
        assertEquals(DMA_MAPPING_ERROR, dev.map(0x4000_0000L, 0x10, DmaDirection.TO_DEVICE));
        assertFalse(dev.broken());
    }

    @Test
    void dmaNoneIsAWarningAndAMappingError() {
        assertEquals(DMA_MAPPING_ERROR, dev.map(0x4000_0000L, 0x10, DmaDirection.NONE));
        assertEquals(List.of("virtio-mmio 2000000.virtio: WARNING: dir == DMA_NONE"), dev.log());
        assertEquals(504, table.freeCount());
    }

    @Test
    void coherentAllocIsWritableAndFreeReleasesIt() {
        long h = dev.alloc(0x4800_0000L, 0x1800);
        assertEquals(GrantDmaAddress.grantToDma(8), h);
        assertFalse(table.entry(8).readOnly());
        assertEquals(0x48001, table.entry(9).frame());
        assertTrue(dev.free(h, 0x1800));
        assertEquals(504, table.freeCount());
        assertThrows(IllegalArgumentException.class, () -> dev.alloc(0x4800_0010L, 0x10));
    }

    @Test
    void coherentAllocReportsExhaustionAsMappingError() {
        table.allocSeq(504);
        assertEquals(DMA_MAPPING_ERROR, dev.alloc(0x4800_0000L, 0x1000));
    }

    @Test
    void onlyA64BitMaskIsSupported() {
        assertTrue(XenGrantDma.dmaSupported(~0L));
        assertFalse(XenGrantDma.dmaSupported((1L << 48) - 1));
        assertFalse(XenGrantDma.dmaSupported(0xffff_ffffL));
    }

    @Test
    void zeroSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> dev.map(0x4000_0000L, 0, DmaDirection.TO_DEVICE));
    }
}
