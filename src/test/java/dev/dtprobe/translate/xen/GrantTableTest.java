package dev.dtprobe.translate.xen;

import dev.dtprobe.kernel.Errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrantTableTest {

    @Test
    void freshTableHasReservedRefsAndOneFrame() {
        GrantTable t = new GrantTable(3, 4);
        assertEquals(512, t.size());
        assertEquals(1, t.frames());
        assertEquals(504, t.freeCount());
        assertFalse(t.allocated(0));
        assertFalse(t.allocated(7));
        assertFalse(t.allocated(8));
    }

    @Test
    void firstAllocationsAreConsecutiveFromRefEight() {
        GrantTable t = new GrantTable(3, 4);
        assertEquals(8, t.allocSeq(3));
        assertEquals(11, t.allocSeq(2));
        assertEquals(13, t.allocSeq(1));
        assertTrue(t.allocated(8) && t.allocated(12) && t.allocated(13));
        assertFalse(t.allocated(14));
        assertEquals(504 - 6, t.freeCount());
    }

    @Test
    void singleRefAllocationReusesTheLastFreedRef() {
        GrantTable t = new GrantTable(3, 4);
        int a = t.allocSeq(1);
        int b = t.allocSeq(1);
        assertEquals(8, a);
        assertEquals(9, b);
        t.freeSeq(a, 1);
        assertEquals(a, t.allocSeq(1));
    }

    @Test
    void freedRunIsPutBackInOrderAndCanBeTakenAgain() {
        GrantTable t = new GrantTable(3, 1);
        int run = t.allocSeq(4); // 8..11
        t.allocSeq(500 - 4); // 12..507 (taken from the free tail)
        assertEquals(4, t.freeCount()); // 508..511 left
        t.freeSeq(run, 4);
        assertEquals(8, t.freeCount());
        // Six consecutive refs do not exist (two runs of four): no room and no growth.
        assertEquals(-Errno.ENOSPC, t.allocSeq(6));
        // The free tail (the run ending at the table's last ref) is taken first ...
        assertEquals(508, t.allocSeq(4));
        // ... then the free list is rebuilt in ref order and the run at 8 is found.
        assertEquals(8, t.allocSeq(4));
        assertEquals(0, t.freeCount());
    }

    @Test
    void fragmentedTableFindsTheLowestFittingRun() {
        GrantTable t = new GrantTable(3, 1);
        int[] singles = new int[504];
        for (int i = 0; i < 504; i++) {
            singles[i] = t.allocSeq(1);
        }
        assertEquals(8, singles[0]);
        assertEquals(511, singles[503]);
        // Free 20, 21 (a run of 2) and 100..102 (a run of 3).
        for (int r : new int[] {20, 21, 100, 101, 102}) {
            t.freeSeq(r, 1);
        }
        assertEquals(100, t.allocSeq(3));
        assertEquals(20, t.allocSeq(2));
        assertEquals(0, t.freeCount());
    }

    @Test
    void exhaustionReturnsEnospcAndLogsMaxFrames() {
        GrantTable t = new GrantTable(3, 1);
        assertEquals(8, t.allocSeq(504));
        assertEquals(0, t.freeCount());
        assertEquals(-Errno.ENOSPC, t.allocSeq(1));
        assertEquals(-Errno.ENOSPC, t.allocSeq(2));
        assertTrue(t.log().get(0).startsWith("xen/grant-table: max_grant_frames reached cur=1 extra=1 limit=1"),
                t.log().toString());
    }

    @Test
    void requestLargerThanAnyFreeRunFails() {
        GrantTable t = new GrantTable(3, 1);
        assertEquals(-Errno.ENOSPC, t.allocSeq(505));
        assertEquals(504, t.freeCount());
    }

    @Test
    void tableGrowsByAFrameWhenTheFirstIsFull() {
        GrantTable t = new GrantTable(3, 2);
        for (int i = 0; i < 504; i++) {
            t.allocSeq(1);
        }
        assertEquals(0x200, t.allocSeq(2));
        assertEquals(2, t.frames());
        assertEquals(1024, t.size());
        assertEquals(510, t.freeCount());
        assertEquals(0x202, t.allocSeq(1));
    }

    @Test
    void grantEndAndEntryState() {
        GrantTable t = new GrantTable(3, 1);
        int r = t.allocSeq(1);
        GrantEntry fresh = t.entry(r);
        assertTrue(fresh.allocated());
        assertFalse(fresh.granted());
        t.grantForeignAccess(r, 1, 0x45678, true);
        GrantEntry e = t.entry(r);
        assertTrue(e.granted());
        assertTrue(e.readOnly());
        assertEquals(1, e.domid());
        assertEquals(0x45678, e.frame());
        assertEquals(GrantFlags.GTF_PERMIT_ACCESS | GrantFlags.GTF_READONLY, e.flags());
        assertEquals(GrantEntry.pack(e.flags(), 1, 0x45678), e.packed());
        assertEquals(0x0004_5678_0001_0005L, e.packed());
        assertTrue(t.endForeignAccess(r));
        GrantEntry ended = t.entry(r);
        assertTrue(ended.ended());
        assertFalse(ended.granted());
        t.freeSeq(r, 1);
        assertFalse(t.entry(r).allocated());
    }

    @Test
    void v1EntryRefusesAFrameAbove32Bits() {
        GrantTable t = new GrantTable(3, 1);
        assertThrows(IllegalArgumentException.class, () -> t.grantForeignAccess(8, 1, 1L << 32, false));
    }

    @Test
    void freeingReservedRefsIsIgnored() {
        GrantTable t = new GrantTable(3, 1);
        t.freeSeq(0, 8);
        assertEquals(504, t.freeCount());
    }

    @Test
    void refsOutsideTheTableAreRejected() {
        GrantTable t = new GrantTable(3, 1);
        assertThrows(IllegalArgumentException.class, () -> t.entry(512));
        assertThrows(IllegalArgumentException.class, () -> t.grantForeignAccess(-1, 1, 1, false));
    }
}
