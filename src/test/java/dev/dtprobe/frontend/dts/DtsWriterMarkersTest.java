package dev.dtprobe.frontend.dts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.frontend.dtb.DtbReader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import dev.dtprobe.frontend.dtb.Dtc;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trees built by hand with the markers dtc's parser would attach, checked against what dtc
 * prints ({@code -O dts}) and writes ({@code -O dtb}) for the equivalent source.
 */
class DtsWriterMarkersTest {

    static final String DTS = """
            /dts-v1/;
            /memreserve/ 0x1000 0x2000;
            lm: /memreserve/ 0x10000000 0x20;
            / {
            	cells = <1 2 3>;
            	refs = <&n1 2>, <&n1>;
            	ref2 = <1 &n1>;
            	pathref = <&{/n1} 5>;
            	b8 = /bits/ 8 <1 2 0x33>;
            	b16 = /bits/ 16 <1 0xffff>;
            	b64 = /bits/ 64 <0x123456789 1>;
            	mixed = "a", <1>, [22 33], "b";
            	lab = <1 ml: 2 me:>;
            	lab2 = ls: "abc" le:;
            	lab3 = <1>, mid: <2>;
            	path1 = &n1, "x";
            	path2 = "x", &n1;
            	bytes = [01 02 03];
            	esc = "q\\"\\\\\\t\\x81";
            	empty;
            	emptyb = la: [] lb:;
            	multi = /bits/ 16 <l1: 1 l2: 2>, "s", [l3: 11 l4: 22 l5:];
            	l1p: l2p: labelled = "x", "yz";
            	big = <0 0xffffffff 0x10>;
            	n1: n2: n1 {
            		phandle = <1>;
            	};
            	st {
            		xab;
            		ab;
            		b;
            		abc;
            		c;
            		cells;
            	};
            	empty-node {
            	};
            };
            """;

    private static PropertyValue.Builder b() {
        return new PropertyValue.Builder();
    }

    private static Property prop(Node n, String name, PropertyValue v, String... labels) {
        Property p = new Property(name, v, null);
        for (int i = labels.length - 1; i >= 0; i--) {
            p.labels().add(labels[i], null);
        }
        n.addProperty(p);
        return p;
    }

    static DeviceTree tree() {
        Node root = new Node("", null);
        DeviceTree t = new DeviceTree(root);
        t.memReserves().add(new MemReserve(0x1000, 0x2000));
        t.memReserves().add(new MemReserve(0x10000000, 0x20, List.of("lm")));

        prop(root, "cells", PropertyValue.ofCells(1, 2, 3));
        prop(root, "refs", b().beginCells(32).mark(MarkerType.REF_PHANDLE, "n1").appendInt(1, 4).appendInt(2, 4)
                .beginCells(32).mark(MarkerType.REF_PHANDLE, "n1").appendInt(1, 4).build());
        prop(root, "ref2", b().beginCells(32).appendInt(1, 4).mark(MarkerType.REF_PHANDLE, "n1").appendInt(1, 4).build());
        prop(root, "pathref", b().beginCells(32).mark(MarkerType.REF_PHANDLE, "/n1").appendInt(1, 4).appendInt(5, 4).build());
        prop(root, "b8", b().beginCells(8).appendInt(1, 1).appendInt(2, 1).appendInt(0x33, 1).build());
        prop(root, "b16", b().beginCells(16).appendInt(1, 2).appendInt(0xffff, 2).build());
        prop(root, "b64", b().beginCells(64).appendInt(0x123456789L, 8).appendInt(1, 8).build());
        prop(root, "mixed", b().appendString("a").beginCells(32).appendInt(1, 4).beginCells(8).appendByte(0x22)
                .appendByte(0x33).appendString("b").build());
        prop(root, "lab", b().beginCells(32).appendInt(1, 4).mark(MarkerType.LABEL, "ml").appendInt(2, 4)
                .mark(MarkerType.LABEL, "me").build());
        prop(root, "lab2", b().mark(MarkerType.LABEL, "ls").appendString("abc").mark(MarkerType.LABEL, "le").build());
        prop(root, "lab3", b().beginCells(32).appendInt(1, 4).mark(MarkerType.LABEL, "mid").beginCells(32)
                .appendInt(2, 4).build());
        // path references as dtc leaves them after splicing in the target's path
        prop(root, "path1", b().mark(MarkerType.TYPE_STRING, "n1").mark(MarkerType.REF_PATH, "n1")
                .appendBytes("/n1\0".getBytes(StandardCharsets.US_ASCII)).appendString("x").build());
        prop(root, "path2", b().appendString("x").mark(MarkerType.TYPE_STRING, "n1").mark(MarkerType.REF_PATH, "n1")
                .appendBytes("/n1\0".getBytes(StandardCharsets.US_ASCII)).build());
        prop(root, "bytes", b().beginCells(8).appendBytes(new byte[] {1, 2, 3}).build());
        prop(root, "esc", b().appendStringBytes(new byte[] {'q', '"', '\\', '\t', (byte) 0x81}).build());
        prop(root, "empty", PropertyValue.EMPTY);
        prop(root, "emptyb", b().mark(MarkerType.LABEL, "la").beginCells(8).mark(MarkerType.LABEL, "lb").build());
        prop(root, "multi", b().beginCells(16).mark(MarkerType.LABEL, "l1").appendInt(1, 2).mark(MarkerType.LABEL, "l2")
                .appendInt(2, 2).appendString("s").beginCells(8).mark(MarkerType.LABEL, "l3").appendByte(0x11)
                .mark(MarkerType.LABEL, "l4").appendByte(0x22).mark(MarkerType.LABEL, "l5").build());
        prop(root, "labelled", b().appendString("x").appendString("yz").build(), "l1p", "l2p");
        prop(root, "big", PropertyValue.ofCells(0, 0xffffffffL, 0x10));

        Node n1 = new Node("n1", null);
        n1.labels().add("n2", null);
        n1.labels().add("n1", null);
        n1.setPhandle(1);
        prop(n1, "phandle", PropertyValue.ofCells(1));
        root.addChild(n1);
        Node st = new Node("st", null);
        for (String s : new String[] {"xab", "ab", "b", "abc", "c", "cells"}) {
            prop(st, s, PropertyValue.EMPTY);
        }
        root.addChild(st);
        root.addChild(new Node("empty-node", null));
        // deleted items never show
        Node gone = new Node("gone", null);
        gone.deleteRecursively();
        root.addChild(gone);
        Property dp = prop(n1, "deleted-prop", PropertyValue.ofCells(9));
        dp.setDeleted(true);
        return t;
    }

    @Test
    void dtsMatchesDtc() {
        assumeTrue(Dtc.available(), "dtc 1.6.1 not installed");
        String want = new String(Dtc.runOnSource(DTS, "-I", "dts", "-O", "dts"), StandardCharsets.ISO_8859_1);
        assertEquals(want, DtsWriter.write(tree()));
    }

    @Test
    void dtbMatchesDtc() {
        assumeTrue(Dtc.available(), "dtc 1.6.1 not installed");
        byte[] want = Dtc.runOnSource(DTS, "-I", "dts", "-O", "dtb");
        assertArrayEquals(want, DtbWriter.write(tree()));
    }

    /** Known dtc 1.6.1 output, so the quirks stay pinned down without dtc installed. */
    @Test
    void quirksWithoutDtc() {
        String s = DtsWriter.write(tree());
        assertContains(s, "\trefs = <0x01 0x02>, < 0x01>;\n");
        assertContains(s, "\tpath2 = \"x\",  \"/n1\";\n");
        assertContains(s, "\tlab = <0x01 ml:0x02> me:;\n");
        assertContains(s, "\tmulti = /bits/ 16 < l1:0x01 l2:0x02>, \"s\", [ l3:11 l4:22] l5:;\n");
        assertContains(s, "\tesc = \"q\\\"\\\\\\t\\xffffff81\";\n");
        assertContains(s, "\temptyb;\n");
        assertContains(s, "lm: /memreserve/\t0x0000000010000000 0x0000000000000020;\n");
        assertContains(s, "\tn1: n2: n1 {\n");
    }

    private static void assertContains(String s, String part) {
        if (!s.contains(part)) {
            assertEquals(part, s, "output lacks a line");
        }
    }

    /** Guessed types for unmarked values (read back from a DTB). */
    static final String GUESS_DTS = """
            /dts-v1/;
            / {
            	s1 = "a";
            	s2 = "";
            	s3 = "ab";
            	s4 = "", "";
            	s5 = "a", "";
            	s6 = "abc", "d";
            	h = "\\x81é";
            	q = "x\\"y\\\\z\\a\\b\\f\\v\\r\\n";
            	n = <0x12345678>;
            	b5 = [01 02 03 04 05];
            	b4 = [01 02 03 04];
            	b6 = [00 00 00 00 00 00];
            	pp = "x", &n1;
            	ctl = [41 42 1f 00];
            	tab = "a\\tb";
            	n1: n1 { ll = /bits/ 16 <1 2>, "s", [11 22]; e; x = /bits/ 64 <1 2>, "x"; };
            };
            """;

    @Test
    void guessedTypesMatchDtc() {
        assumeTrue(Dtc.available(), "dtc 1.6.1 not installed");
        byte[] dtb = Dtc.runOnSource(GUESS_DTS, "-I", "dts", "-O", "dtb");
        DeviceTree t = DtbReader.read(dtb, "guess.dtb");
        assertArrayEquals(dtb, DtbWriter.write(t));
        String dts = viaDtb(dtb);
        assertEquals(dts, DtsWriter.write(t));
    }

    private static String viaDtb(byte[] dtb) {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("dtprobe-guess", ".dtb");
            try {
                java.nio.file.Files.write(tmp, dtb);
                return new String(Dtc.run("-I", "dtb", "-O", "dts", tmp.toString()), StandardCharsets.ISO_8859_1);
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
