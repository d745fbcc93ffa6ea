package dev.dtprobe.translate.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class XenGrantTranslatorTest {
    private final GrantTable table = new GrantTable(5, 1);
    private final XenGrantTranslator backend = new XenGrantTranslator(table);

    private GrantTranslation.Fault fault(int domid, long dma, Access a) {
        return assertInstanceOf(GrantTranslation.Fault.class, backend.lookup(domid, dma, a));
    }

    @Test
    void okResultCarriesPaPermAndPageSize() {
        table.grantForeignAccess(0x10, 2, 0x1234, false);
        GrantTranslation.Ok ok = assertInstanceOf(GrantTranslation.Ok.class,
                backend.lookup(2, GrantDmaAddress.encode(0x10, 0x7), Access.WRITE));
        assertEquals(0x123_4007L, ok.pa());
        assertEquals(GrantTranslation.PERM_READ | GrantTranslation.PERM_WRITE, ok.perm());
        assertEquals(4096, ok.mappingSize());
        assertEquals(0x10, ok.gref());
        assertEquals(7, ok.offset());
        assertEquals(0x123_4007L, backend.translate(2, GrantDmaAddress.encode(0x10, 0x7), Access.WRITE));
    }

    @Test
    void faultNotGrantAddress() {
        GrantTranslation.Fault f = fault(1, 0x4000_0000L, Access.READ);
        assertEquals(GrantFault.NOT_GRANT_ADDRESS, f.kind());
        assertFalse(f.recorded());
        assertEquals(-1, backend.translate(1, 0x4000_0000L, Access.READ));
    }

    @Test
    void faultReservedRef() {
        table.grantForeignAccess(1, 0, 0x99, false); // xenstore-style grant to dom0
        assertEquals(GrantFault.RESERVED_GRANT_REF, fault(0, GrantDmaAddress.grantToDma(1), Access.READ).kind());
    }

    @Test
    void faultBadRefBeyondTable() {
        GrantTranslation.Fault f = fault(1, GrantDmaAddress.grantToDma(512), Access.READ);
        assertEquals(GrantFault.BAD_GRANT_REF, f.kind());
        assertEquals("Bad ref 0x200 for d5", f.message());
        // Bits 44..62 are not silently dropped on the backend side.
        long huge = GrantDmaAddress.ADDR_OFF | (0x1_0000_0009L << 12);
        table.grantForeignAccess(9, 1, 0x1, false);
        assertEquals(GrantFault.BAD_GRANT_REF, fault(1, huge, Access.READ).kind());
    }

    @Test
    void faultNotGrantedNeverGrantedOrEnded() {
        assertEquals(GrantFault.NOT_GRANTED, fault(1, GrantDmaAddress.grantToDma(20), Access.READ).kind());
        table.grantForeignAccess(20, 1, 0x55, false);
        assertTrue(backend.lookup(1, GrantDmaAddress.grantToDma(20), Access.READ).ok());
        assertTrue(table.endForeignAccess(20));
        GrantTranslation.Fault f = fault(1, GrantDmaAddress.grantToDma(20), Access.READ);
        assertEquals(GrantFault.NOT_GRANTED, f.kind());
        assertEquals("Bad flags (0) or dom (1); expected d1", f.message());
    }

    @Test
    void faultTransferEntryIsNotAccessGrant() {
        // An accept_transfer entry is not something a backend can map.
        table.grantForeignTransfer(21, 1, 0x55);
        assertEquals(GrantFlags.GTF_ACCEPT_TRANSFER, table.entry(21).type());
        assertEquals(GrantFault.NOT_GRANTED, fault(1, GrantDmaAddress.grantToDma(21), Access.READ).kind());
    }

    @Test
    void faultWrongDomain() {
        table.grantForeignAccess(30, 1, 0x55, false);
        GrantTranslation.Fault f = fault(2, GrantDmaAddress.grantToDma(30), Access.READ);
        assertEquals(GrantFault.WRONG_DOMAIN, f.kind());
        assertEquals("Bad flags (1) or dom (1); expected d2", f.message());
    }

    @Test
    void faultReadOnlyViolation() {
        table.grantForeignAccess(31, 1, 0x55, true);
        assertTrue(backend.lookup(1, GrantDmaAddress.grantToDma(31), Access.READ).ok());
        GrantTranslation.Fault f = fault(1, GrantDmaAddress.grantToDma(31), Access.WRITE);
        assertEquals(GrantFault.READ_ONLY_VIOLATION, f.kind());
        assertEquals("Attempt to write-pin a r/o grant entry", f.message());
    }

    @Test
    void faultCodesRoundTrip() {
        for (GrantFault k : GrantFault.values()) {
            assertEquals(k, GrantFault.fromResult(-k.code()));
        }
    }

    @Test
    void failedPinChangesNothing() {
        table.grantForeignAccess(40, 1, 0x55, true);
        assertFalse(backend.pin(1, GrantDmaAddress.grantToDma(40), Access.WRITE).ok());
        assertFalse(table.entry(40).inUse());
        assertFalse(backend.unpin(GrantDmaAddress.grantToDma(40), Access.WRITE));
    }

    @Test
    void readPinSetsReadingOnlyAndWritePinSetsBoth() {
        table.grantForeignAccess(41, 1, 0x55, false);
        long dma = GrantDmaAddress.grantToDma(41);
        backend.pin(1, dma, Access.READ);
        assertEquals(GrantFlags.GTF_READING, table.entry(41).flags() & (GrantFlags.GTF_READING | GrantFlags.GTF_WRITING));
        backend.pin(1, dma, Access.WRITE);
        assertEquals(GrantFlags.GTF_READING | GrantFlags.GTF_WRITING,
                table.entry(41).flags() & (GrantFlags.GTF_READING | GrantFlags.GTF_WRITING));
        backend.unpin(dma, Access.WRITE);
        assertEquals(GrantFlags.GTF_READING, table.entry(41).flags() & (GrantFlags.GTF_READING | GrantFlags.GTF_WRITING));
        assertFalse(table.endForeignAccess(41));
        backend.unpin(dma, Access.READ);
        assertFalse(table.entry(41).inUse());
        assertTrue(table.endForeignAccess(41));
    }

    @Test
    void rangeChecksEachPageOnItsOwn() {
        table.grantForeignAccess(50, 1, 0x100, false);
        table.grantForeignAccess(51, 1, 0x200, true); // not contiguous in PA, read-only
        long dma = GrantDmaAddress.encode(50, 0xff0);
        List<GrantTranslation> r = backend.lookupRange(1, dma, 0x20, Access.READ);
        assertEquals(0x10_0ff0L, ((GrantTranslation.Ok) r.get(0)).pa());
        assertEquals(0x20_0000L, ((GrantTranslation.Ok) r.get(1)).pa());
        List<GrantTranslation> w = backend.lookupRange(1, dma, 0x20, Access.WRITE);
        assertTrue(w.get(0).ok());
        assertEquals(GrantFault.READ_ONLY_VIOLATION, ((GrantTranslation.Fault) w.get(1)).kind());
        List<GrantTranslation> past = backend.lookupRange(1, dma, 0x1020, Access.READ);
        assertEquals(3, past.size());
        assertEquals(GrantFault.NOT_GRANTED, ((GrantTranslation.Fault) past.get(2)).kind());
    }
}
