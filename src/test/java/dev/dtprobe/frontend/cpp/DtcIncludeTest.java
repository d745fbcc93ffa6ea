package dev.dtprobe.frontend.cpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtc's /include/ splicing after the cpp step. */
class DtcIncludeTest {
    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static final PreprocessorOptions DTS = new PreprocessorOptions(List.of(), List.of("__DTS__"), List.of());

    @Test
    void nestedIncludesAreSplicedRawAndMapped() throws IOException {
        // inner.dtsi is found next to mid.dtsi (the including file), not next to the board
        write("sub/inner.dtsi", "inner { /* /include/ \"nope\" */ s = \"/include/ x\"; };\n#define NOT_A_MACRO 1\n");
        write("sub/mid.dtsi", "mid {\n\t/include/ \"inner.dtsi\"\n};\n");
        Path main = write("b.dts", "#define FOO 7\n/dts-v1/;\n/include/ \"sub/mid.dtsi\"\n/ { v = <FOO>; };\n");
        PreprocessedSource ps = new Preprocessor(DTS, new SourceCache()).process(main);
        String t = ps.text();
        assertEquals(List.of("/dts-v1/;", "mid", "{", "inner", "{", "/*", "/include/", "\"nope\"", "*/", "s", "=",
                "\"/include/", "x\";", "};", "#define", "NOT_A_MACRO", "1", "};", "/", "{", "v", "=", "<7>;", "};"),
                PreprocessorTest.words(t));
        String mid = dir.resolve("sub/mid.dtsi").toString();
        String inner = dir.resolve("sub/inner.dtsi").toString();
        assertEquals(new SourcePos(mid, 1, 1), ps.posAt(t.indexOf("mid")));
        assertEquals(new SourcePos(inner, 1, 1), ps.posAt(t.indexOf("inner")));
        assertEquals(new SourcePos(inner, 1, 32), ps.posAt(t.indexOf("s = ")));
        assertEquals(new SourcePos(inner, 2, 9), ps.posAt(t.indexOf("NOT_A_MACRO")));
        assertEquals(new SourcePos(mid, 3, 1), ps.posAt(t.indexOf("};", t.indexOf("NOT_A_MACRO"))));
        assertEquals(new SourcePos(main.toString(), 4, 1), ps.posAt(t.indexOf("/ {")));
        assertEquals(new SourcePos(main.toString(), 4, 10), ps.posAt(t.indexOf("7>")));
        assertEquals(List.of(main, dir.resolve("sub/mid.dtsi"), dir.resolve("sub/inner.dtsi")), ps.files());
        // tokens cannot merge across the splice
        assertTrue(t.contains("\ninner {"), t);
    }

    @Test
    void includeDirsAreSearchedAfterTheIncludingFilesDirectory() throws IOException {
        write("inc/common.dtsi", "common;\n");
        Path main = write("board/b.dts", "a; /include/ \"common.dtsi\" b;\n");
        PreprocessorOptions o = new PreprocessorOptions(List.of(dir.resolve("inc")), List.of(), List.of());
        PreprocessedSource ps = new Preprocessor(o, new SourceCache()).process(main);
        assertEquals(List.of("a;", "common;", "b;"), PreprocessorTest.words(ps.text()));
        assertEquals(new SourcePos(main.toString(), 1, 28), ps.posAt(ps.text().indexOf("b;")));
        assertEquals(new SourcePos(dir.resolve("inc/common.dtsi").toString(), 1, 1),
                ps.posAt(ps.text().indexOf("common")));
    }

    @Test
    void missingIncludeReportsTheIncludePosition() throws IOException {
        write("m.dtsi", "\n  x; /include/ \"gone.dtsi\"\n");
        Path main = write("b.dts", "/include/ \"m.dtsi\"\n");
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(main));
        assertEquals(dir.resolve("m.dtsi") + ":2:6: error: Couldn't open \"gone.dtsi\": No such file or directory",
                e.render());
    }

    @Test
    void recursiveIncludeIsBounded() throws IOException {
        Path main = write("loop.dts", "x; /include/ \"loop.dts\"\n");
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(DTS, new SourceCache()).process(main));
        assertEquals("Includes nested too deeply", e.getMessage());
        assertEquals(new SourcePos(main.toString(), 1, 4), e.pos());
    }

    @Test
    void textWithoutIncludeIsUnchanged() {
        PreprocessedSource ps = new Preprocessor(DTS, new SourceCache()).process("t.dts", "a = \"/include/\";\n");
        assertEquals(List.of("a", "=", "\"/include/\";"), PreprocessorTest.words(ps.text()));
    }
}
