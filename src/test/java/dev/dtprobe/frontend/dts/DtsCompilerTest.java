package dev.dtprobe.frontend.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputErrors;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tree-building semantics, each case one of the dtc behaviours documented (and probed against
 * dtc 1.6.1) in shared/docs/dts-language.md; the section is named in each test.
 */
class DtsCompilerTest {

    static DeviceTree compile(String dts) {
        return compile(dts, false);
    }

    static DeviceTree compile(String dts, boolean symbols) {
        return new DtsCompiler(new IncbinLoader(List.of()), symbols)
                .compile(dts, SourceMapping.identity("t.dts", dts)).tree();
    }

    static String hex(DeviceTree t, String path, String prop) {
        Node n = t.nodeAtPath(path);
        assertNotNull(n, path);
        Property p = n.property(prop);
        assertNotNull(p, path + ":" + prop);
        return HexFormat.of().formatHex(p.value().bytes());
    }

    static List<String> propNames(DeviceTree t, String path) {
        return t.nodeAtPath(path).liveProperties().stream().map(Property::name).toList();
    }

    static List<String> childNames(DeviceTree t, String path) {
        return t.nodeAtPath(path).liveChildren().stream().map(Node::name).toList();
    }

    @Test
    void concatenatesComponentsWithoutPadding() { // §4
        DeviceTree t = compile("/dts-v1/; / { a = <1>, \"s\", [ab], /bits/ 8 <2>, &n, <&n>; n: n {}; };");
        assertEquals("00000001" + "7300" + "ab" + "02" + "2f6e00" + "00000001", hex(t, "/", "a"));
    }

    @Test
    void integerLiteralsAndExpressions() { // §4.1, §4.9
        DeviceTree t = compile("/dts-v1/; / { a = <017 0x1F 10U 'a' '\\n' (7 / 2) (7 % 3) (1 << 64) "
                + "((1<<63)>>63) (6 & 3 ^ 1 | 8) ((-1) < 0) (0 ? 1 : 0 ? 2 : 3) (!5) (~0 & 0xff)>; };");
        assertEquals("0000000f" + "0000001f" + "0000000a" + "00000061" + "0000000a" + "00000003"
                + "00000001" + "00000000" + "00000001" + "0000000b" + "00000000" + "00000003"
                + "00000000" + "000000ff", hex(t, "/", "a"));
    }

    @Test
    void bitsAndNegativeValuesAreMasked() { // §4.3
        DeviceTree t = compile("/dts-v1/; / { a = /bits/ 8 <(-1) 2>; b = /bits/ 16 <(-32768)>; "
                + "c = /bits/ 64 <0x100000000>; };");
        assertEquals("ff02", hex(t, "/", "a"));
        assertEquals("8000", hex(t, "/", "b"));
        assertEquals("0000000100000000", hex(t, "/", "c"));
    }

    @Test
    void stringEscapesAndBytestrings() { // §4.4, §4.5
        DeviceTree t = compile("/dts-v1/; / { s = \"a\\0b\", \"\\x41\\101\\q\"; e = \"\"; "
                + "m = [00 11 2233]; z = []; };");
        assertEquals("6100620041417100", hex(t, "/", "s"));
        assertEquals("00", hex(t, "/", "e"));
        assertEquals("00112233", hex(t, "/", "m"));
        assertEquals("", hex(t, "/", "z"));
    }

    @Test
    void mergeKeepsFirstDefinitionOrder() { // §5.12 probe merge_order
        DeviceTree t = compile("/dts-v1/; / { a { p1 = <1>; p2 = <2>; c1 {}; }; b {}; };"
                + "/ { a { p1 = <9>; p3 = <3>; c2 {}; c1 { x; }; }; c {}; };");
        assertEquals(List.of("p1", "p2", "p3"), propNames(t, "/a"));
        assertEquals("00000009", hex(t, "/a", "p1"));
        assertEquals(List.of("c1", "c2"), childNames(t, "/a"));
        assertEquals(List.of("x"), propNames(t, "/a/c1"));
        assertEquals(List.of("a", "b", "c"), childNames(t, "/"));
    }

    @Test
    void deletedNodeIsRevivedInPlaceWithOnlyNewContent() { // §5.6 probe delete_then_readd
        DeviceTree t = compile("/dts-v1/; / { a { p = <1>; }; b {}; }; / { /delete-node/ a; }; "
                + "/ { a { q = <3>; }; };");
        assertEquals(List.of("a", "b"), childNames(t, "/"));
        assertEquals(List.of("q"), propNames(t, "/a"));
    }

    @Test
    void deleteNodeNeedsTheFullName() { // §5.6
        DeviceTree t = compile("/dts-v1/; / { b@1 {}; }; / { /delete-node/ b; };");
        assertEquals(List.of("b@1"), childNames(t, "/"));
    }

    @Test
    void deletePropertyThenRedefineRevivesPosition() { // §5.5
        DeviceTree t = compile("/dts-v1/; / { x = <1>; y = <2>; }; / { /delete-property/ x; }; / { x = <3>; };");
        assertEquals(List.of("x", "y"), propNames(t, "/"));
    }

    @Test
    void topLevelReferencesAndLabels() { // §5.3, §5.13
        DeviceTree t = compile("/dts-v1/; / { l1: l2: uart@1 { }; }; l3: &l2 { status = \"okay\"; }; "
                + "&{/uart@1} { x; }; / { p = <&l3>; };");
        Node uart = t.nodeAtPath("/uart@1");
        assertEquals(List.of("l3", "l1", "l2"), uart.labels().names());
        assertEquals(List.of("status", "x", "phandle"), propNames(t, "/uart@1"));
    }

    @Test
    void forwardTopLevelReferenceFails() { // §5.13 probe toplevel_forward_ref
        InputException e = assertThrows(InputException.class,
                () -> compile("/dts-v1/;\n&later { };\n/ { later: n {}; };"));
        assertEquals("t.dts:2:1: error: Label or path later not found", e.render());
    }

    @Test
    void phandlesSkipExplicitValues() { // §5.9 probes phandle_gap, phandle_order
        DeviceTree t = compile("/dts-v1/; / { a { r = <&c &b>; }; b: b {}; c: c {}; d { phandle = <2>; }; };");
        assertEquals(3, t.nodeAtPath("/b").phandle());
        assertEquals(1, t.nodeAtPath("/c").phandle());
        assertEquals("0000000100000003", hex(t, "/a", "r"));
        DeviceTree gap = compile("/dts-v1/; / { x { phandle = <1>; }; y { phandle = <3>; }; "
                + "z { r = <&p &q &s>; }; p: p {}; q: q {}; s: s {}; };");
        assertEquals("000000020000000400000005", hex(gap, "/z", "r"));
    }

    @Test
    void selfReferencingPhandleAllocatesOne() { // §5.9 step 1
        DeviceTree t = compile("/dts-v1/; / { n: n { phandle = <&n>; }; };");
        assertEquals("00000001", hex(t, "/n", "phandle"));
        assertEquals(List.of("phandle"), propNames(t, "/n"));
    }

    @Test
    void pathReferencesSpliceFullPaths() { // §4.7
        DeviceTree t = compile("/dts-v1/; / { aliases { s = &u, \"x\"; r = &{/soc/u@1}; }; soc { u: u@1 {}; }; };");
        assertEquals("2f736f632f75403100" + "7800", hex(t, "/aliases", "s"));
        assertEquals("2f736f632f75403100", hex(t, "/aliases", "r"));
    }

    @Test
    void omitIfNoRefDeletesUnreferencedNodes() { // §5.7 probe omit_if_no_ref
        DeviceTree t = compile("/dts-v1/; / { u = <&b>; /omit-if-no-ref/ a: a { r = <&c>; }; "
                + "/omit-if-no-ref/ b: b {}; c: c {}; };");
        assertNull(t.nodeAtPath("/a"));
        assertNotNull(t.nodeAtPath("/b"));
        assertEquals(1, t.nodeAtPath("/b").phandle());
        assertEquals(2, t.nodeAtPath("/c").phandle()); // the omitted node's reference still counts
    }

    @Test
    void omitIfNoRefKeepsLabelledNodesWithSymbols() { // §5.7 with -@
        DeviceTree t = compile("/dts-v1/; / { /omit-if-no-ref/ a: a {}; };", true);
        assertNotNull(t.nodeAtPath("/a"));
        assertEquals("2f6100", hex(t, "/__symbols__", "a"));
    }

    @Test
    void symbolsAllocatePhandlesAfterReferences() { // §5.9 step 5 probe phandle_order_symbols
        DeviceTree t = compile("/dts-v1/; / { r = <&c>; a: a {}; b: b {}; c: c {}; };", true);
        assertEquals(1, t.nodeAtPath("/c").phandle());
        assertEquals(2, t.nodeAtPath("/a").phandle());
        assertEquals(3, t.nodeAtPath("/b").phandle());
        assertEquals(List.of("a", "b", "c"), propNames(t, "/__symbols__"));
    }

    @Test
    void correctNamePropertyIsDropped() { // §5.8
        DeviceTree t = compile("/dts-v1/; / { n@1 { name = \"n\"; x; }; };");
        assertEquals(List.of("x"), propNames(t, "/n@1"));
        InputErrors e = assertThrows(InputErrors.class, () -> compile("/dts-v1/; / { n { name = \"m\"; }; };"));
        assertEquals("name_properties", e.errors().get(0).check());
    }

    @Test
    void bootCpuidIsFirstCpuReg() { // §5.11
        DeviceTree t = compile("/dts-v1/; / { cpus { cpu@100 { reg = <0x100>; }; cpu@0 { reg = <0>; }; }; };");
        assertEquals(0x100, t.bootCpuidPhys());
    }

    @Test
    void namesTakeDigitsAndKeywordsInNameContext() { // §2.1 probe name_digit_start
        DeviceTree t = compile("/dts-v1/; / { \\#x = <1>; 1node { 0x10; bits; a,b.c+d*e#f?g-i; }; };");
        assertEquals(List.of("0x10", "bits", "a,b.c+d*e#f?g-i"), propNames(t, "/1node"));
        assertEquals(List.of("#x"), propNames(t, "/"));
    }

    @Test
    void pluginSugarMakesFragmentsAndFixups() { // §6 probe plugin_fixups
        DeviceTree t = compile("/dts-v1/; /plugin/; &bar { x = <&bar 1 &loc>; loc: l {}; };");
        assertEquals("ffffffff", hex(t, "/fragment@0", "target"));
        // "/fragment@0:target:0", "/fragment@0/__overlay__:x:0", as dtc 1.6.1 writes it
        assertEquals("2f667261676d656e7440303a7461726765743a3000"
                + "2f667261676d656e7440302f5f5f6f7665726c61795f5f3a783a3000", hex(t, "/__fixups__", "bar"));
        assertEquals("00000008", hex(t, "/__local_fixups__/fragment@0/__overlay__", "x"));
    }

    @Test
    void errorsCarryPositions() {
        assertError("/dts-v1/;\n/ { a = <1> };\n", "t.dts:2:13: error: syntax error: extraneous input '}' expecting ';'");
        assertError("/dts-v1/;\n/ { a = \"open; };\n", "t.dts:2:9: error: unterminated string");
        assertError("/dts-v1/;\n/ { a = <08>; };\n", "t.dts:2:10: error: Bad integer literal '08'");
        assertError("/dts-v1/;\n/ { a = <(1/0)>; };\n", "t.dts:2:11: error: Division by zero");
        assertError("/dts-v1/;\n/ { a = <0x100000000>; };\n",
                "t.dts:2:10: error: Value out of range for 32-bit array element");
        assertError("/dts-v1/;\n/ { n {}; a = <1>; };\n", "t.dts:2:11: error: Properties must precede subnodes");
        assertError("/dts-v1/;\n/ { a = /bits/ 16 <&n>; n: n {}; };\n",
                "t.dts:2:20: error: References are only allowed in arrays with 32-bit elements.");
        assertError("/dts-v1/;\n/ { a = <&nope>; };\n",
                "t.dts:2:5: error: /:a: Reference to non-existent node or label \"nope\" [phandle_references]");
        assertError("/dts-v1/;\n/ {\n\tx {};\n\tx {};\n};\n",
                "t.dts:4:2: error: /x: Duplicate node name [duplicate_node_names]");
        assertError("/dts-v1/;\n/ { a: x {}; a: y {}; };\n",
                "t.dts:2:14: error: /y: Duplicate label 'a' [duplicate_label]");
        assertError("/ { };", "t.dts:1:1: error: syntax error: mismatched input '/' expecting '/dts-v1/'");
    }

    private static void assertError(String dts, String expected) {
        InputException e = assertThrows(InputException.class, () -> compile(dts));
        assertEquals(expected, e.render());
    }

    @Test
    void commentsAreSkipped() {
        DeviceTree t = compile("/dts-v1/; /* c */ / { // line\n a = /* in */ <1>; };");
        assertEquals("00000001", hex(t, "/", "a"));
        assertFalse(t.isPlugin());
        assertTrue(t.memReserves().isEmpty());
    }
}
