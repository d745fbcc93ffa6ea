package dev.dtprobe.frontend.dtb;

import static dev.dtprobe.frontend.dtb.RawFdt.get32;
import static dev.dtprobe.frontend.dtb.RawFdt.patch32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.tree.DeviceTree;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every malformed blob gives an InputException naming the problem, positioned at the file. */
class DtbReaderMalformedTest {

    private static InputException bad(byte[] blob, String expectedFragment) {
        InputException e = assertThrows(InputException.class, () -> DtbReader.read(blob, "t.dtb"));
        assertEquals("t.dtb", e.pos().file());
        assertTrue(e.getMessage().startsWith("bad DTB: "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedFragment),
                "message <" + e.getMessage() + "> lacks <" + expectedFragment + ">");
        assertTrue(e.render().startsWith("t.dtb: error: bad DTB: "), e.render());
        return e;
    }

    @Test
    void minimalIsValid() {
        byte[] blob = RawFdt.minimal().build();
        DeviceTree t = DtbReader.read(blob, "t.dtb");
        assertEquals("child@1", t.root().children().get(0).name());
        assertArrayEquals(blob, DtbWriter.write(t));
    }

    @Test
    void emptyAndTinyInput() {
        bad(new byte[0], "too short for an FDT header");
        bad(new byte[] {(byte) 0xd0, 0x0d, (byte) 0xfe}, "too short");
    }

    @Test
    void badMagic() {
        byte[] blob = patch32(RawFdt.minimal().build(), 0, 0xfeedd00dL);
        bad(blob, "bad magic 0xfeedd00d at offset 0x0 (expected 0xd00dfeed)");
    }

    @Test
    void truncatedHeader() {
        byte[] blob = RawFdt.minimal().build();
        bad(Arrays.copyOf(blob, 20), "truncated header: input is 20 bytes");
        bad(Arrays.copyOf(blob, 36), "a version 17 header needs 40");
    }

    @Test
    void totalsizeLargerThanInput() {
        byte[] blob = RawFdt.minimal().build();
        bad(patch32(blob, RawFdt.TOTALSIZE, blob.length + 1),
                "totalsize 0x" + Integer.toHexString(blob.length + 1) + " is larger than the input");
        bad(Arrays.copyOf(blob, blob.length - 1), "is larger than the input");
        bad(patch32(blob, RawFdt.TOTALSIZE, 0xffffffffL), "totalsize 0xffffffff is larger");
    }

    @Test
    void totalsizeSmallerThanPaddedFileIsFine() {
        byte[] blob = RawFdt.minimal().build();
        byte[] padded = Arrays.copyOf(blob, blob.length + 4096);
        assertArrayEquals(blob, DtbWriter.write(DtbReader.read(padded, "padded")));
        bad(patch32(blob, RawFdt.TOTALSIZE, 16), "smaller than the header");
    }

    @Test
    void blockOffsetsOutOfRange() {
        byte[] blob = RawFdt.minimal().build();
        long total = blob.length;
        bad(patch32(blob, RawFdt.OFF_STRUCT, total + 8),
                "struct block offset 0x" + Long.toHexString(total + 8) + " beyond totalsize 0x" + Long.toHexString(total));
        bad(patch32(blob, RawFdt.OFF_STRINGS, 0x7ffffff0L), "strings block offset 0x7ffffff0 beyond totalsize");
        bad(patch32(blob, RawFdt.OFF_RSV, 0xfffffff8L), "memory reservation block offset 0xfffffff8 beyond");
        bad(patch32(blob, RawFdt.SIZE_STRUCT, 0xfffffffcL), "struct block at 0x38 with size 0xfffffffc extends past totalsize");
        bad(patch32(blob, RawFdt.SIZE_STRINGS, get32(blob, RawFdt.SIZE_STRINGS) + 1), "strings block at");
        bad(patch32(blob, RawFdt.OFF_STRUCT, 8), "struct block offset 0x8 overlaps the 40-byte header");
    }

    @Test
    void misalignedBlocks() {
        byte[] blob = RawFdt.minimal().build();
        bad(patch32(blob, RawFdt.OFF_STRUCT, get32(blob, RawFdt.OFF_STRUCT) + 2), "struct block offset 0x3a is not 4-byte aligned");
        bad(patch32(blob, RawFdt.OFF_RSV, 44), "memory reservation block offset 0x2c is not 8-byte aligned");
    }

    @Test
    void unsupportedVersion() {
        byte[] blob = RawFdt.minimal().build();
        bad(patch32(blob, RawFdt.VERSION, 5), "unsupported version 5");
        bad(patch32(patch32(blob, RawFdt.VERSION, 18), RawFdt.LAST_COMP, 18), "unsupported version 18");
        bad(patch32(blob, RawFdt.VERSION, 0), "unsupported version 0");
        // a later version that stays compatible with 17 reads like 17
        DtbReader.read(patch32(blob, RawFdt.VERSION, 18), "t");
    }

    @Test
    void memReserveWithoutTerminator() {
        RawFdt r = RawFdt.minimal();
        r.terminateRsv = false;
        r.reserve(0x1000, 0x10);
        byte[] blob = r.build();
        // the reservation block then runs into the struct block and on: pretend the struct
        // block is the last thing by making every remaining 16-byte window non-zero in size
        byte[] onlyRsv = Arrays.copyOf(blob, 40 + 16);
        onlyRsv = patch32(onlyRsv, RawFdt.TOTALSIZE, onlyRsv.length);
        onlyRsv = patch32(onlyRsv, RawFdt.OFF_STRUCT, 40);
        onlyRsv = patch32(onlyRsv, RawFdt.OFF_STRINGS, 56);
        onlyRsv = patch32(onlyRsv, RawFdt.SIZE_STRUCT, 16);
        onlyRsv = patch32(onlyRsv, RawFdt.SIZE_STRINGS, 0);
        bad(onlyRsv, "memory reservation block at 0x28 has no terminating entry");
    }

    @Test
    void memReservesRead() {
        byte[] blob = RawFdt.minimal().reserve(0x1000, 0x10).reserve(0xffffffff00000000L, 1).build();
        DeviceTree t = DtbReader.read(blob, "t");
        assertEquals(2, t.memReserves().size());
        assertEquals(0xffffffff00000000L, t.memReserves().get(1).address());
        assertArrayEquals(blob, DtbWriter.write(t));
    }

    @Test
    void badToken() {
        byte[] blob = new RawFdt().beginNode("").u32(7).endNode().end().build();
        bad(blob, "bad token 0x7 at 0x");
        bad(new RawFdt().u32(Fdt.PROP).build(), "must start with FDT_BEGIN_NODE, found FDT_PROP");
        bad(new RawFdt().end().build(), "must start with FDT_BEGIN_NODE, found FDT_END");
    }

    @Test
    void nopsAreSkipped() {
        byte[] blob = new RawFdt().u32(Fdt.NOP).beginNode("").u32(Fdt.NOP).prop("a", new byte[0]).u32(Fdt.NOP)
                .endNode().u32(Fdt.NOP).end().build();
        DeviceTree t = DtbReader.read(blob, "t");
        assertEquals("a", t.root().properties().get(0).name());
    }

    @Test
    void unterminatedNodeName() {
        byte[] blob = new RawFdt().u32(Fdt.BEGIN_NODE).raw("abcdefgh".getBytes()).build();
        bad(blob, "unterminated node name at 0x3c");
    }

    @Test
    void propertyNameOffsetOutOfRange() {
        RawFdt r = new RawFdt().beginNode("").prop("a", new byte[0]).propAt(100, 0, new byte[0]).endNode().end();
        bad(r.build(), "name offset 0x64 beyond the strings block size 0x2");
    }

    @Test
    void unterminatedPropertyName() {
        byte[] blob = new RawFdt().beginNode("").prop("abc", new byte[0]).endNode().end().build();
        // shrink the strings block so the name's NUL falls outside it
        bad(patch32(blob, RawFdt.SIZE_STRINGS, 3), "unterminated name at strings offset 0x0");
    }

    @Test
    void propertyLengthPastBlock() {
        byte[] blob = new RawFdt().beginNode("").prop("a", new byte[0]).propAt(0, 16, new byte[] {1, 2, 3, 4})
                .endNode().end().build();
        bad(blob, "length 0x10 runs past the struct block end");
        bad(new RawFdt().beginNode("").u32(Fdt.PROP).u32(0).build(), "property header at 0x40 runs past");
    }

    @Test
    void hugeClaimedLengthsAllocateNothing() {
        for (long len : new long[] {0x7fffffffL, 0x80000000L, 0xfffffffcL, 0xffffffffL}) {
            byte[] blob = new RawFdt().beginNode("").prop("a", new byte[0]).propAt(0, len, new byte[0])
                    .endNode().end().build();
            bad(blob, "length 0x" + Long.toHexString(len) + " runs past");
        }
    }

    @Test
    void missingFdtEnd() {
        bad(new RawFdt().beginNode("").endNode().build(), "without FDT_END");
        bad(new RawFdt().beginNode("").beginNode("a").endNode().build(), "without FDT_END");
    }

    @Test
    void prematureEnd() {
        bad(new RawFdt().beginNode("").beginNode("a").end().build(),
                "premature FDT_END at 0x48 inside node /a (2 node(s) not closed)");
    }

    @Test
    void unbalancedNesting() {
        bad(new RawFdt().beginNode("").endNode().endNode().end().build(), "unbalanced FDT_END_NODE at 0x44");
        bad(new RawFdt().beginNode("").endNode().beginNode("").endNode().end().build(), "second root node");
    }

    @Test
    void deepNesting() {
        RawFdt r = new RawFdt();
        for (int i = 0; i < 5000; i++) {
            r.beginNode("n");
        }
        bad(r.build(), "nodes nested deeper than 1024 levels");
        RawFdt ok = new RawFdt();
        for (int i = 0; i < DtbReader.MAX_DEPTH; i++) {
            ok.beginNode(i == 0 ? "" : "n");
        }
        for (int i = 0; i < DtbReader.MAX_DEPTH; i++) {
            ok.endNode();
        }
        byte[] blob = ok.end().build();
        assertArrayEquals(blob, DtbWriter.write(DtbReader.read(blob, "deep")));
    }

    @Test
    void trailingDataInStructBlock() {
        bad(new RawFdt().beginNode("").endNode().end().u32(0).build(),
                "4 bytes of trailing data in the struct block after FDT_END at 0x44");
    }

    @Test
    void phandlesAreSet() {
        byte[] ph = {0, 0, 0, 7};
        byte[] blob = new RawFdt().beginNode("").beginNode("a").prop("phandle", ph).endNode()
                .beginNode("b").prop("linux,phandle", new byte[] {0, 0, 0, 9}).endNode()
                .beginNode("c").prop("phandle", new byte[] {-1, -1, -1, -1}).endNode().endNode().end().build();
        DeviceTree t = DtbReader.read(blob, "t");
        assertEquals(7, t.nodeAtPath("/a").phandle());
        assertEquals(9, t.nodeAtPath("/b").phandle());
        assertEquals(0, t.nodeAtPath("/c").phandle());
    }
}
