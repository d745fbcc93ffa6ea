package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dtprobe compile} end to end through the command line, the way a new user meets it:
 * a good board, then each kind of bad input, which must give one {@code file:line:col: error:}
 * line, exit code 2, no stack trace and no output file.
 */
class CompileCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }

    @Test
    void compilesWithIncludesAndMacrosToDtb() throws IOException {
        write("inc/dt-bindings/irq.h", "#define IRQ_TYPE_LEVEL_HIGH 4\n#define SPI(n) ((n) + 32)\n");
        write("soc.dtsi", "#include <dt-bindings/irq.h>\n/ { uart: serial@1000 { interrupts = <SPI(1) IRQ_TYPE_LEVEL_HIGH>; }; };\n");
        Path board = write("board.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n&uart { status = \"okay\"; };\n");
        Path out = dir.resolve("board.dtb");
        Run r = run("compile", board.toString(), "-I", dir.resolve("inc").toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        byte[] dtb = Files.readAllBytes(out);
        assertEquals(0xd0, dtb[0] & 0xff);
        Run back = run("compile", out.toString(), "-O", "dts", "-o", dir.resolve("back.dts").toString());
        assertEquals(0, back.exit(), back.err());
        String dts = Files.readString(dir.resolve("back.dts"));
        assertTrue(dts.contains("interrupts = <0x21 0x04>;"), dts);
        assertTrue(dts.contains("status = \"okay\";"), dts);
    }

    @Test
    void appliesOverlaysAsFdtoverlayDoes() throws IOException {
        Path base = write("base.dts", "/dts-v1/;\n/ { soc { uart: serial@1000 { status = \"disabled\"; }; }; };\n");
        Path overlay = write("enable.dts", "/dts-v1/;\n/plugin/;\n&uart { status = \"okay\"; dev: modem { }; };\n");
        Path out = dir.resolve("applied.dts");
        Run r = run("compile", base.toString(), "--overlay", overlay.toString(), "-O", "dts", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        String dts = Files.readString(out);
        // libfdt replaces the value in place; the overlay was compiled without -@, so no new symbol
        assertTrue(dts.contains("serial@1000 {\n\t\t\tstatus = \"okay\";\n\t\t\tphandle = <0x01>;\n\n\t\t\tmodem {"), dts);
        assertTrue(dts.contains("uart = \"/soc/serial@1000\";"), dts);
        assertFalse(dts.contains("dev = "), dts);
        Path missing = write("bad.dts", "/dts-v1/;\n/plugin/;\n&nope { x; };\n");
        Run bad = run("compile", base.toString(), "--overlay", missing.toString(), "-O", "dts");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("nope"), bad.err());
        assertOneLineNoTrace(bad);
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("dtprobe "), v.out());
        Run h = run("compile", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("-O, --out-format"), h.out());
        Run c = run("completion");
        assertEquals(0, c.exit());
        assertTrue(c.out().contains("complete -F"), c.out());
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = run("compile");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Missing required parameter"), r.err());
        assertEquals(2, run("no-such-command").exit());
        assertEquals(2, run("compile", "x.dts", "-O", "pdf").exit());
    }

    @Test
    void missingInputFile() {
        Run r = run("compile", dir.resolve("nope.dts").toString());
        assertBadInput(r, dir.resolve("nope.dts") + ": error: cannot read input: No such file or directory");
    }

    @Test
    void unterminatedString() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n/ {\n\tmodel = \"acme;\n};\n");
        assertBadInput(run("compile", f.toString()), f + ":3:10: error: unterminated string");
    }

    @Test
    void unterminatedComment() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n/ {\n\t/* oops\n};\n");
        assertBadInput(run("compile", f.toString()), f + ":3:2: error: unterminated comment");
    }

    @Test
    void missingSemicolon() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n/ {\n\tmodel = \"acme\"\n};\n");
        assertBadInput(run("compile", f.toString()), f + ":4:1: error: syntax error: extraneous input '}' expecting ';'");
    }

    @Test
    void unknownLabel() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n/ { };\n&uart0 { status = \"okay\"; };\n");
        assertBadInput(run("compile", f.toString()), f + ":3:1: error: Label or path uart0 not found");
    }

    @Test
    void referenceToMissingPath() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n/ {\n\tchosen { stdout-path = &{/soc/serial@1000}; };\n};\n");
        assertBadInput(run("compile", f.toString()), f
                + ":3:11: error: /chosen:stdout-path: Reference to non-existent node or label \"/soc/serial@1000\" [path_references]");
    }

    @Test
    void badInclude() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n#include \"missing.dtsi\"\n/ { };\n");
        Run r = run("compile", f.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(f + ":2:"), r.err());
        assertTrue(r.err().contains("missing.dtsi"), r.err());
        assertOneLineNoTrace(r);
    }

    @Test
    void includeCycle() throws IOException {
        write("x.dtsi", "#include \"y.dtsi\"\n");
        write("y.dtsi", "#include \"x.dtsi\"\n");
        Path f = write("a.dts", "/dts-v1/;\n#include \"x.dtsi\"\n/ { };\n");
        Run r = run("compile", f.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(".dtsi:1:"), r.err());
        assertOneLineNoTrace(r);
    }

    @Test
    void macroRecursionTerminates() throws IOException {
        Path f = write("a.dts", "/dts-v1/;\n#define A B\n#define B A\n/ { x = <A>; };\n");
        Run r = run("compile", f.toString());
        // like cpp, a self-referential macro stops expanding; dtc then rejects the bare word
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(f + ":4:"), r.err());
        assertOneLineNoTrace(r);
    }

    @Test
    void truncatedDtb() throws IOException {
        Path good = write("g.dts", "/dts-v1/;\n/ { model = \"acme\"; n { x = <1>; }; };\n");
        Path dtb = dir.resolve("g.dtb");
        assertEquals(0, run("compile", good.toString(), "-o", dtb.toString()).exit());
        byte[] bytes = Files.readAllBytes(dtb);
        Path cut = dir.resolve("cut.dtb");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 20));
        Run r = run("compile", cut.toString(), "-O", "dts");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(cut + ": error: "), r.err());
        assertOneLineNoTrace(r);
    }

    @Test
    void corruptedDtb() throws IOException {
        Path good = write("g.dts", "/dts-v1/;\n/ { model = \"acme\"; n { x = <1>; }; };\n");
        Path dtb = dir.resolve("g.dtb");
        assertEquals(0, run("compile", good.toString(), "-o", dtb.toString()).exit());
        byte[] bytes = Files.readAllBytes(dtb);
        bytes[bytes.length / 2] = (byte) 0x7f;
        bytes[bytes.length / 2 + 1] = (byte) 0x7f;
        Path bad = dir.resolve("bad.dtb");
        Files.write(bad, bytes);
        Run r = run("compile", bad.toString(), "-O", "dts");
        assertEquals(2, r.exit(), r.err());
        assertOneLineNoTrace(r);
    }

    @Test
    void failedCompileLeavesNoOutputFile() throws IOException {
        Path out = dir.resolve("out.dtb");
        Files.write(out, new byte[] {1, 2, 3});
        Path f = write("a.dts", "/dts-v1/;\n/ { x = <&nowhere>; };\n");
        assertEquals(2, run("compile", f.toString(), "-o", out.toString()).exit());
        assertArrayEqualsBytes(new byte[] {1, 2, 3}, Files.readAllBytes(out));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    private static void assertArrayEqualsBytes(byte[] a, byte[] b) {
        assertTrue(Arrays.equals(a, b), "output file was touched");
    }

    private static void assertBadInput(Run r, String expectedLine) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(expectedLine, r.err().strip());
    }

    private static void assertOneLineNoTrace(Run r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains(": error: "), r.err());
    }
}
