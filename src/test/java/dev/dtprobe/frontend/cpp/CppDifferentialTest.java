package dev.dtprobe.frontend.cpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Small tricky inputs compared token by token with /usr/bin/cpp (skipped when cpp is absent). */
class CppDifferentialTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "#define e0000 XX\n#define foo BAR\n#define size SZ\nserial@e0000 { };\ncpu@1e+5 foo;\n#address-cells = <1>; foo\n\t#size-cells = <0>;\n#foo bar foo\n# 12 \"x\"\narm,foo-bar = \"foo it's\";\nit's foo\n",
        "#define CAT(a,b) a##b\n#define STR(a) #a\nCAT(foo,1) STR(foo \"x\" 'a') CAT(0x, 1f)\na = <CAT(1,2)>; b = STR( a  +   b );\n#define E\nx E y E(z)\n#define F() ff\nF() F F ()\n#\n# bar\n#bogus\n",
        "#define foo BAR\n#define C(a,b) a##b\n#define S(a) # a\n#define V(fmt, ...) f(fmt, ## __VA_ARGS__)\n#define W(...) g(__VA_ARGS__)\n# foo\n#foo\n # foo\n#  12 foo\n#1\nC(x,-) C(-,>) C(+,+) C(/,/) C(a,) C(,b) C(,)\nS(x) S( \"a\\n\" ) S('\"')\nV(a) V(a,b) V(a,) W() W(1,2)\n",
        "__STDC__ __ASSEMBLER__ __STDC_VERSION__ __GNUC__ __x86_64__ __FILE__ __COUNTER__ __COUNTER__ __INCLUDE_LEVEL__ __LINE__ __BASE_FILE__ linux unix\n",
        "#define foo BAR\n-foo -C(-,) +C(,+)\n#define M -\n-M M- M-M\n#define N 1\nN.5 1.N 1e+N\n#define FN(x) x\nFN (\n 1\n#ifdef foo\n 2\n#endif\n)\nFN\nx\nFN\n(y)\n",
        "#define f(x) x f\n#define g f\nf(1)(2) g(3)(4)\n#define h(x) h(x)\nh(h(1))\n#define str(x) #x\n#define xstr(x) str(x)\nxstr(h(2)) str(h(2)) xstr(__LINE__)\n#define q(x,y) x ## y ## x\nq(a,b) q(,) q(1,)\n",
        "#if defined(A) || defined B\nno\n#elif 1 ? 0 : 1\nno2\n#elif (-1 < 0u) == 0 && 'a' == 97 && '\\377' < 0 && 0x7fffffffffffffff + 0 > 0 && (1 << 63) < 0 && -1 / 2 == 0 && 10 % 3 == 1 && ~0u == 0xffffffffffffffff\nyes\n#else\nno3\n#endif\n#if 0\n#if garbage (\n#else\n#error not here\n#endif\n#elif 1\nyes2\n#endif\n",
        "#define OBJ (1 << 3)\n#define F2(a, b) ((a) | (b))\n#define GIC_SPI 0\n#define IRQ 4\ninterrupts = <GIC_SPI 29 IRQ>, <F2(OBJ, 0x100)>;\nclocks = <&cru 1>, <&{/soc/x@1} 2>;\n#define L(x) x##_label: x@1\nL(node) { };\n#define P(n) pinctrl-n = <&n>\nP(0);\n",
        "#define x 1\n#define y x\n#define z(a) a y a\nz(x) z(z(y)) z() z(()) z((,)) z(\"x\" 'y')\n#define e(...) [__VA_ARGS__]\ne() e(1) e(1, 2 ,3) e( a , b )\n#define n(a, args...) a: args\nn(1) n(1,2,3)\n",
        "#define a b+\n#define b -\n+a+ a- -a a= 1a a1 a.a 'a' a\"s\"\n#define EMPTY\n#define ID(x) x\n-ID(-) -ID()- ID(-)ID(-) -EMPTY- x EMPTY y\n",
    })
    void matchesCpp(String src) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cpp")));
        Path f = dir.resolve("t.dts");
        Files.writeString(f, src);
        Process p = new ProcessBuilder("/usr/bin/cpp", "-nostdinc", "-undef", "-D__DTS__", "-x",
                "assembler-with-cpp", "t.dts").directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertEquals(0, p.waitFor());
        StringBuilder want = new StringBuilder();
        for (String line : out.split("\n")) {
            if (!(line.startsWith("# ") && line.length() > 2 && Character.isDigit(line.charAt(2)))) {
                want.append(line).append('\n');
            }
        }
        Preprocessor pp = new Preprocessor(new PreprocessorOptions(List.of(), List.of("__DTS__"), List.of()),
                new SourceCache());
        String got = pp.process("t.dts", src).text();
        assertEquals(CorpusOracleTest.words(want.toString()), CorpusOracleTest.words(got),
                "cpp:\n" + want + "\nours:\n" + got);
    }
}
