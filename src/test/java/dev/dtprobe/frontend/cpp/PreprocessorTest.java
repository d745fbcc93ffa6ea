package dev.dtprobe.frontend.cpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;

    private static final PreprocessorOptions DTS = new PreprocessorOptions(List.of(), List.of("__DTS__"), List.of());

    static PreprocessedSource pp(String src) {
        return new Preprocessor(DTS, new SourceCache()).process("t.dts", src);
    }

    static List<String> words(String s) {
        return Arrays.stream(s.split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }

    static void assertOut(String src, String... expected) {
        assertEquals(List.of(expected), words(pp(src).text()));
    }

    static void assertError(String src, String rendered) {
        InputException e = assertThrows(InputException.class, () -> pp(src));
        assertEquals(rendered, e.render());
    }

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static SourcePos posOf(PreprocessedSource ps, String needle) {
        int at = ps.text().indexOf(needle);
        assertTrue(at >= 0, "not in output: " + needle + "\n" + ps.text());
        return ps.posAt(at);
    }

    // ------------------------------------------------------------------ lexical

    @Test
    void commentsAndSplices() {
        PreprocessedSource ps = pp("a /* x\ny */ b // c\nd\\\ne f\n");
        assertEquals(List.of("a", "b", "de", "f"), words(ps.text()));
        assertEquals(new SourcePos("t.dts", 2, 6), posOf(ps, "b"));
        assertEquals(new SourcePos("t.dts", 3, 1), posOf(ps, "de"));
        assertEquals(new SourcePos("t.dts", 4, 3), posOf(ps, "f"));
    }

    @Test
    void multiLineCommentInsideDirectiveContinuesIt() {
        assertOut("#define X /* a\n b */ 7\nX\n", "7");
    }

    @Test
    void unterminatedComment() {
        assertError("a\n  b /* never closed\n", "t.dts:2:5: error: unterminated comment");
    }

    @Test
    void stringsAreNotExpanded() {
        assertOut("#define foo BAR\nx = \"foo it's\", 'f';\nit's foo\n", "x", "=", "\"foo", "it's\",", "'f';", "it's",
                "foo");
    }

    @Test
    void ppNumbersAndDtsWords() {
        assertOut("#define e0000 XX\n#define foo BAR\n#define size SZ\nserial@e0000 { };\ncpu@1e+5 foo;\n"
                + "arm,foo-bar = <1>;\n&{/soc/foo@1} { };\n",
                "serial@XX", "{", "};", "cpu@1e+5", "BAR;", "arm,BAR-bar", "=", "<1>;", "&{/soc/BAR@1}", "{", "};");
    }

    @Test
    void assemblerHashLinesPassThroughWithExpansion() {
        PreprocessedSource ps = pp("#define size SZ\nnode {\n\t#address-cells = <1>;\n  #size-cells = <0>;\n#bogus x\n# 12 \"f\"\n#\n};\n");
        assertEquals(List.of("node", "{", "#address-cells", "=", "<1>;", "#SZ-cells", "=", "<0>;", "#bogus", "x", "#",
                "12", "\"f\"", "};"), words(ps.text()));
        assertEquals(new SourcePos("t.dts", 3, 2), posOf(ps, "#address-cells"));
        assertEquals(new SourcePos("t.dts", 4, 3), posOf(ps, "#SZ"));
    }

    // ------------------------------------------------------------------ macros

    @Test
    void objectAndFunctionLikeMacros() {
        assertOut("#define OBJ (1 << 3)\n#define F2(a, b) ((a) | (b))\n#define GIC_SPI 0\n#define IRQ 4\n"
                + "interrupts = <GIC_SPI 29 IRQ>, <F2(OBJ, 0x100)>;\n",
                "interrupts", "=", "<0", "29", "4>,", "<(((1", "<<", "3))", "|", "(0x100))>;");
    }

    @Test
    void functionLikeNameWithoutParensIsNotExpanded() {
        assertOut("#define F() ff\nF() F F ()\n#define FN(x) x\nFN\nx\nFN\n(y)\n", "ff", "F", "ff", "FN", "x", "y");
    }

    @Test
    void stringifyAndPaste() {
        assertOut("#define CAT(a,b) a##b\n#define STR(a) #a\nCAT(foo,1) STR(foo \"x\" 'a') CAT(0x, 1f)\n"
                + "a = <CAT(1,2)>; b = STR( a  +   b );\n#define L(x) x##_label: x@1\nL(node) { };\n",
                "foo1", "\"foo", "\\\"x\\\"", "'a'\"", "0x1f", "a", "=", "<12>;", "b", "=", "\"a", "+", "b\";",
                "node_label:", "node@1", "{", "};");
    }

    @Test
    void pasteEdgeCasesInAssemblerMode() {
        assertOut("#define C(a,b) a##b\nC(x,-) C(-,>) C(+,+) C(/,/) C(a,) C(,b) C(,) end\n",
                "x-", "->", "++", "/", "/", "a", "b", "end");
    }

    @Test
    void variadicMacros() {
        assertOut("#define V(fmt, ...) f(fmt, ## __VA_ARGS__)\n#define W(...) g(__VA_ARGS__)\n"
                + "#define n(a, args...) a: args\nV(a) V(a,b) V(a,) W() W(1,2) n(1) n(1,2,3)\n",
                "f(a)", "f(a,b)", "f(a,)", "g()", "g(1,2)", "1:", "1:", "2,3");
    }

    @Test
    void selfReferenceIsPaintedBlue() {
        assertOut("#define foo foo bar\n#define a b\n#define b a\n#define f(x) x f\nfoo a b f(1)(2)\n",
                "foo", "bar", "a", "b", "1", "f(2)");
    }

    @Test
    void argumentsArePreExpandedAndRescanned() {
        assertOut("#define h(x) h(x)\nh(h(1))\n#define str(x) #x\n#define xstr(x) str(x)\n#define V 3\n"
                + "xstr(V) str(V)\n", "h(h(1))", "\"3\"", "\"V\"");
    }

    @Test
    void macroExpansionMapsToInvocation() {
        PreprocessedSource ps = pp("#define IRQ(n) (32 + (n))\nnode {\n  irq = <IRQ(5)>;\n};\n");
        assertEquals(List.of("node", "{", "irq", "=", "<(32", "+", "(5))>;", "};"), words(ps.text()));
        int at = ps.text().indexOf("(32");
        for (int i = at; i < ps.text().indexOf(">;"); i++) {
            assertEquals(new SourcePos("t.dts", 3, 10), ps.posAt(i));
        }
        assertEquals(new SourcePos("t.dts", 3, 3), posOf(ps, "irq"));
        assertEquals(new SourcePos("t.dts", 3, 7), posOf(ps, "= <"));
    }

    @Test
    void commandLineDefinesInOrder() {
        PreprocessorOptions o = new PreprocessorOptions(List.of(), List.of("A", "B=2", "C=x y", "A=5", "F(x)=[x]"),
                List.of("A"));
        PreprocessedSource ps = new Preprocessor(o, new SourceCache()).process("t.dts", "A B C F(1) __DTS__\n");
        assertEquals(List.of("A", "2", "x", "y", "[1]", "__DTS__"), words(ps.text()));
    }

    @Test
    void noPredefinedSystemMacros() {
        assertOut("linux,phandle unix __GNUC__ __DTS__ __STDC__ __ASSEMBLER__\n", "linux,phandle", "unix", "__GNUC__",
                "1", "1", "1");
    }

    @Test
    void fileAndLine() throws IOException {
        write("inc/h.dtsi", "\nf = __FILE__; l = __LINE__;\n");
        Path main = write("m.dts", "#include \"inc/h.dtsi\"\nmain = __FILE__ __LINE__;\n");
        PreprocessedSource ps = new Preprocessor(DTS, new SourceCache()).process(main);
        String inc = dir.resolve("inc/h.dtsi").toString();
        assertEquals(List.of("f", "=", "\"" + inc + "\";", "l", "=", "2;", "main", "=", "\"" + main + "\"", "2;"),
                words(ps.text()));
    }

    @Test
    void lineDirective() {
        PreprocessedSource ps = pp("a\n#line 100 \"foo.dts\"\nx __LINE__ __FILE__\n#define F(a) a __LINE__\nF(\n1\n)\n");
        assertEquals(List.of("a", "x", "100", "\"foo.dts\"", "1", "102"), words(ps.text()));
        assertEquals(new SourcePos("foo.dts", 100, 1), posOf(ps, "x"));
        assertEquals(new SourcePos("t.dts", 1, 1), posOf(ps, "a"));
        assertEquals(new SourcePos("foo.dts", 102, 1), posOf(ps, "1 102"));
    }

    @Test
    void undefAndRedefine() {
        assertOut("#define A 1\nA\n#undef A\nA\n#define A 2\nA\n", "1", "A", "2");
    }

    // ------------------------------------------------------------------ conditionals

    @Test
    void conditionalsAndExpressions() {
        assertOut("#if defined(A) || defined B\nno\n#elif 1 ? 0 : 1\nno2\n"
                + "#elif (-1 < 0u) == 0 && 'a' == 97 && '\\377' < 0 && 0x7fffffffffffffff + 0 > 0 && (1 << 63) < 0"
                + " && -1 / 2 == 0 && 10 % 3 == 1 && ~0u == 0xffffffffffffffff && (2 || 1/0) && 0b101 == 5\nyes\n"
                + "#else\nno3\n#endif\n#if 0\n#if garbage (\n#else\n#error not here\n#endif\n#elif 1\nyes2\n#endif\n"
                + "#define X 3\n#ifdef X\nx1\n#endif\n#ifndef X\nx2\n#else\nx3\n#endif\n#if X * 2 == 6 && UNKNOWN == 0\nx4\n#endif\n",
                "yes", "yes2", "x1", "x3", "x4");
    }

    @Test
    void conditionalErrors() {
        assertError("#if 1\n  #else\nx\n # else\n#endif\n", "t.dts:4:4: error: #else after #else");
        assertError("a\n  #ifdef X\nb\n", "t.dts:2: error: unterminated #ifdef");
        assertError("#if 1\n#else\n", "t.dts:1: error: unterminated #else");
        assertError("x\n#endif\n", "t.dts:2:2: error: #endif without #if");
        assertError("#else\n", "t.dts:1:2: error: #else without #if");
        assertError("#if 1 +\n#endif\n", "t.dts:1:7: error: operator '+' has no right operand");
        assertError("#if 1/0\n#endif\n", "t.dts:1:2: error: division by zero in #if");
        assertError("#if (2\n#endif\n", "t.dts:1:2: error: missing ')' in expression");
        assertError("#if 1 2\n#endif\n", "t.dts:1:7: error: missing binary operator before token \"2\"");
        assertError("#if\n#endif\n", "t.dts:1:2: error: #if with no expression");
        assertError("#if 1.5\n#endif\n", "t.dts:1:2: error: floating constant in preprocessor expression");
        assertError("#if \"s\"\n#endif\n", "t.dts:1:2: error: token \"\"s\"\" is not valid in preprocessor expressions");
    }

    @Test
    void errorDirective() {
        assertError("x\n  #error foo  bar\n", "t.dts:2:4: error: #error foo bar");
        PreprocessedSource ps = pp("#warning careful\nx\n");
        assertEquals(1, ps.diagnostics().size());
        assertEquals("t.dts:1:2: warning: #warning careful", ps.diagnostics().get(0).render());
    }

    // ------------------------------------------------------------------ macro errors and limits

    @Test
    void macroArgumentErrors() {
        assertError("#define f(a,b) a\nf(1)\n", "t.dts:2:4: error: macro \"f\" requires 2 arguments, but only 1 given");
        assertError("#define f(a,b) a\n f(1,2,3)\n", "t.dts:2:9: error: macro \"f\" passed 3 arguments, but takes just 2");
        assertError("#define f(a,b) a\nx\n   f(1,\n", "t.dts:3:4: error: unterminated argument list invoking macro \"f\"");
        assertError("#define f(a,a) a\n", "t.dts:1:13: error: duplicate macro parameter \"a\"");
        assertError("#define 3 x\n", "t.dts:1:9: error: macro names must be identifiers");
        assertError("#define f(x) ## x\n", "t.dts:1:14: error: '##' cannot appear at either end of a macro expansion");
    }

    @Test
    @Timeout(20)
    void runawayExpansionIsBounded() {
        StringBuilder sb = new StringBuilder("#define D1(x) x x x x\n");
        for (int i = 2; i <= 12; i++) {
            sb.append("#define D").append(i).append("(x) D").append(i - 1).append("(D").append(i - 1).append("(x))\n");
        }
        sb.append("\nz D12(y)\n");
        InputException e = assertThrows(InputException.class, () -> pp(sb.toString()));
        assertEquals("t.dts", e.pos().file());
        assertEquals(14, e.pos().line());
        assertEquals(3, e.pos().column());
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    @Timeout(20)
    void deeplyNestedArgumentsDoNotOverflowTheStack() {
        StringBuilder sb = new StringBuilder("#define f(x) x\n");
        for (int i = 0; i < 50000; i++) {
            sb.append("f(");
        }
        sb.append('1');
        for (int i = 0; i < 50000; i++) {
            sb.append(')');
        }
        sb.append('\n');
        InputException e = assertThrows(InputException.class, () -> pp(sb.toString()));
        assertEquals("t.dts:2:1", e.pos().toString());
    }

    @Test
    void moderatelyNestedArgumentsWork() {
        StringBuilder sb = new StringBuilder("#define f(x) (x)\n");
        sb.append("f(".repeat(100)).append('1').append(")".repeat(100)).append('\n');
        assertEquals("(".repeat(100) + "1" + ")".repeat(100), pp(sb.toString()).text().strip());
    }

    // ------------------------------------------------------------------ #include

    @Test
    void includeSearchOrderAndPositions() throws IOException {
        write("board/local.dtsi", "local { };\n");
        write("inc1/dt-bindings/x.h", "#define X_VAL 42\n#include \"y.h\"\n");
        write("inc1/dt-bindings/y.h", "#define Y_VAL 7\n");
        write("inc2/dt-bindings/x.h", "#define X_VAL 99\n");
        write("inc2/z.dtsi", "z { };\n");
        Path main = write("board/b.dts", "#include \"local.dtsi\"\n#include <dt-bindings/x.h>\n#define HDR <z.dtsi>\n"
                + "#include HDR\nv = <X_VAL Y_VAL>;\n");
        PreprocessorOptions o = new PreprocessorOptions(List.of(dir.resolve("inc1"), dir.resolve("inc2")),
                List.of("__DTS__"), List.of());
        PreprocessedSource ps = new Preprocessor(o, new SourceCache()).process(main);
        assertEquals(List.of("local", "{", "};", "z", "{", "};", "v", "=", "<42", "7>;"), words(ps.text()));
        assertEquals(new SourcePos(dir.resolve("board/local.dtsi").toString(), 1, 1), posOf(ps, "local"));
        assertEquals(new SourcePos(dir.resolve("inc2/z.dtsi").toString(), 1, 1), posOf(ps, "z {"));
        assertEquals(new SourcePos(main.toString(), 5, 1), posOf(ps, "v ="));
        assertEquals(new SourcePos(main.toString(), 5, 5), posOf(ps, "<42"));
        assertEquals(new SourcePos(main.toString(), 5, 6), posOf(ps, "42"));
        assertEquals(new SourcePos(main.toString(), 5, 12), posOf(ps, "7>"));
        assertEquals(List.of(main, dir.resolve("board/local.dtsi"), dir.resolve("inc1/dt-bindings/x.h"),
                dir.resolve("inc1/dt-bindings/y.h"), dir.resolve("inc2/z.dtsi")), ps.files());
    }

    @Test
    void angledIncludeDoesNotSearchCurrentDir() throws IOException {
        write("board/x.h", "bad\n");
        Path main = write("board/b.dts", "a\n#include <x.h>\n");
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(main));
        assertEquals(main + ":2:10: error: x.h: No such file or directory", e.render());
    }

    @Test
    void missingIncludeInNestedFile() throws IOException {
        write("a.dtsi", "\n  #include \"nope.h\"\n");
        Path main = write("m.dts", "#include \"a.dtsi\"\n");
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(main));
        assertEquals(dir.resolve("a.dtsi") + ":2:12: error: nope.h: No such file or directory", e.render());
    }

    @Test
    void includeCycleHitsDepthLimit() throws IOException {
        write("a.dtsi", "#include \"b.dtsi\"\n");
        write("b.dtsi", "#include \"a.dtsi\"\n");
        Path main = write("m.dts", "#include \"a.dtsi\"\n");
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(main));
        assertTrue(e.getMessage().startsWith("#include nested depth 200 exceeds maximum of 200"), e.getMessage());
        assertEquals(1, e.pos().line());
        assertEquals(10, e.pos().column());
    }

    @Test
    void pragmaOnceAndGuards() throws IOException {
        write("o.h", "#pragma once\nonce\n");
        write("g.h", "#ifndef G\n#define G\nguard\n#endif\n");
        Path main = write("m.dts", "#include \"o.h\"\n#include \"o.h\"\n#include \"g.h\"\n#include \"g.h\"\n");
        assertEquals(List.of("once", "guard"), words(new Preprocessor(DTS, new SourceCache()).process(main).text()));
    }

    @Test
    void unterminatedIfInIncludedFile() throws IOException {
        write("u.h", "#if 1\n");
        Path main = write("m.dts", "#include \"u.h\"\n#endif\n");
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(main));
        assertEquals(dir.resolve("u.h") + ":1: error: unterminated #if", e.render());
    }

    @Test
    void cacheIsSharedAcrossRuns() throws IOException {
        write("h.h", "#define H 1\n");
        Path a = write("a.dts", "#include \"h.h\"\nH\n");
        Path b = write("b.dts", "#include \"h.h\"\nH H\n");
        SourceCache cache = new SourceCache();
        Preprocessor p = new Preprocessor(DTS, cache);
        assertEquals(List.of("1"), words(p.process(a).text()));
        assertEquals(List.of("1", "1"), words(p.process(b).text()));
        assertEquals(3, cache.size());
    }

    @Test
    void missingMainFile() {
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(dir.resolve("none.dts")));
        assertTrue(e.getMessage().endsWith("No such file or directory"));
    }
}
