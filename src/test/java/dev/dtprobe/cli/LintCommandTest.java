package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.TestRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dtprobe lint} through the command line: exit codes, flags, formats, bad input. */
class LintCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    /** The real command with the built-in rules, as a user runs it. */
    static Run dtprobe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The lint command with the test rules (bad-names warning, rtc-reg error, boot-info info). */
    static Run lint(String... args) {
        LintCommand cmd = new LintCommand();
        cmd.rules = TestRules.set();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.withHandlers(new CommandLine(cmd));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private Path clean() throws IOException {
        return file("clean.dts", "/dts-v1/;", "/ {", "\tcompatible = \"test,board\";",
                "\t#address-cells = <1>;", "\t#size-cells = <1>;", "};");
    }

    private static void assertNoTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertFalse(r.out().contains("\tat ") || r.out().contains("Exception"), r.out());
    }

    @Test
    void exitZeroWhenClean() throws IOException {
        Run r = dtprobe("lint", clean().toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("1 file: no findings\n", r.out());
    }

    @Test
    void exitOneForFindingsAtOrAboveFailOn() throws IOException {
        Path board = file("b.dts", "/dts-v1/;", "/ { x { }; /* dtprobe: ignore[no-such-rule] */ };");
        Run atDefault = dtprobe("lint", board.toString(), "--no-lint-config");
        assertEquals(0, atDefault.exit(), "invalid-suppression is a warning; fail-on defaults to error");
        assertEquals(board + ":2:12: warning: suppression comment names unknown rule 'no-such-rule' "
                + "(see dtprobe lint --list-rules) [invalid-suppression]", atDefault.out().lines().findFirst().orElse(""));
        assertEquals(1, dtprobe("lint", board.toString(), "--fail-on", "warning").exit(), "inclusive threshold");
        assertEquals(1, dtprobe("lint", board.toString(), "--rule", "invalid-suppression=error").exit());
        assertEquals(0, dtprobe("lint", board.toString(), "--fail-on", "warning", "-Wno-invalid-suppression").exit());
        assertEquals(0, dtprobe("lint", board.toString(), "--fail-on", "none", "-E", "invalid_suppression").exit());
    }

    @Test
    void exitTwoForUnreadableInputWithoutATrace() throws IOException {
        Path broken = file("broken.dts", "/dts-v1/;", "/ { x = <1; };");
        Run r = dtprobe("lint", broken.toString(), clean().toString());
        assertEquals(2, r.exit());
        assertEquals(List.of(broken + ":2:11: error: syntax error: extraneous input ';' expecting {label:, &label, "
                + "&{/path}, number, character, '>', '('}", "2 files: no findings; 1 file could not be read"),
                r.out().lines().toList());
        assertNoTrace(r);
        Run missing = dtprobe("lint", dir.resolve("nope.dts").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.out().startsWith(dir.resolve("nope.dts") + ": error: cannot read input: No such file"), missing.out());
        assertNoTrace(missing);
        Run both = lint(broken.toString(), file("r.dts", "/dts-v1/;", "/ { rtc { reg = <1>; }; };").toString());
        assertEquals(2, both.exit(), "an incomplete run is exit 2 even with findings");
    }

    @Test
    void badUsageIsOneLineAndExitTwo() throws IOException {
        String board = clean().toString();
        assertBad(dtprobe("lint", board, "--rule", "nosuch=off"),
                "--rule: error: unknown rule 'nosuch' (see dtprobe lint --list-rules)");
        assertBad(dtprobe("lint", board, "-W", "nosuch"), "-W: error: unknown rule 'nosuch' (see dtprobe lint --list-rules)");
        assertBad(dtprobe("lint", board, "--rule", "invalid-suppression"),
                "--rule: error: bad rule setting 'invalid-suppression': expected ID=LEVEL with LEVEL error, warning, info or off");
        assertBad(dtprobe("lint", board, "--fail-on", "loud"), "--fail-on: error: bad level 'loud': expected error, warning, info or none");
        assertBad(dtprobe("lint", board, "--format", "xml"),
                "--format: error: unknown format 'xml': expected text, json, sarif, github or junit, optionally =FILE");
        assertBad(dtprobe("lint", board, "--format", "json", "--format", "sarif"),
                "--format: error: only one format can go to standard output; give the others a file (--format sarif=out.sarif)");
        assertBad(dtprobe("lint", board, "--shard", "3/2"), "--shard: error: bad shard '3/2': expected I/N with 1 <= I <= N, e.g. 2/4");
        assertBad(dtprobe("lint", board, "--kernel", "six"),
                "--kernel: error: bad kernel version 'six': expected MAJOR.MINOR, e.g. 5.10 or 6.1");
        Path cfg = file("cfg/.dtprobe.yaml", "fail-on: sometimes");
        assertBad(dtprobe("lint", file("cfg/b.dts", "/dts-v1/;", "/ { };").toString()),
                cfg.toAbsolutePath() + ": error: fail-on must be error, warning, info or none, not 'sometimes'");
        assertBad(dtprobe("lint", board, "--baseline", dir.resolve("none.json").toString()),
                dir.resolve("none.json") + ": error: cannot read baseline: No such file or directory");
        Run noInput = dtprobe("lint");
        assertEquals(2, noInput.exit());
        assertTrue(noInput.err().startsWith("dtprobe: no input"), noInput.err());
    }

    private static void assertBad(Run r, String line) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(line, r.err().strip());
        assertNoTrace(r);
    }

    @Test
    void dtcStyleFlagsApplyInOrderAndTakeDtcNames() throws IOException {
        String board = file("b.dts", "/dts-v1/;", "/ { bad-x { }; };").toString();
        assertEquals(0, lint(board, "--no-probe").exit());
        assertTrue(lint(board, "--no-probe").out().contains("warning: /bad-x: node name starts with 'bad' [bad-names]"));
        assertEquals(1, lint(board, "--no-probe", "-E", "bad_names").exit());
        assertEquals(1, lint(board, "--no-probe", "-Ebad-names").exit());
        assertEquals("1 file: no findings\n", lint(board, "--no-probe", "-Wno-bad_names").out());
        assertEquals("1 file: no findings\n", lint(board, "--no-probe", "-W", "no-bad-names").out());
        assertEquals(0, lint(board, "--no-probe", "-E", "bad_names", "-Wno-bad_names").exit(), "the later flag wins");
        assertEquals(1, lint(board, "--no-probe", "-Wno-bad_names", "--rule", "bad-names=error").exit());
        assertEquals(0, lint(board, "--no-probe", "--rule", "bad-names=error", "-W", "bad_names").exit());
    }

    @Test
    void noProbeSkipsTheBootRules() throws IOException {
        String board = clean().toString();
        Run booted = lint(board);
        assertTrue(booted.out().matches("(?s).*info: /: booted \\d+ devices \\[boot-info\\].*"), booted.out());
        assertEquals("1 file: no findings\n", lint(board, "--no-probe").out());
        assertTrue(lint(board, "--kernel", "5.4").out().contains("booted"));
    }

    @Test
    void severalFormatsAtOnceFilesWrittenWhole() throws Exception {
        String board = file("b.dts", "/dts-v1/;", "/ { rtc { reg = <1>; }; };").toString();
        Path sarif = dir.resolve("out/dtprobe.sarif");
        Files.createDirectories(sarif.getParent());
        Path junit = dir.resolve("out/junit.xml");
        Run r = lint(board, "--no-probe", "--format", "sarif=" + sarif, "--format", "text", "--format", "junit=" + junit);
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("error: /rtc:reg: rtc has reg [rtc-reg]"), r.out());
        JsonNode run = new ObjectMapper().readTree(Files.readString(sarif)).get("runs").get(0);
        assertEquals("rtc-reg", run.get("results").get(0).get("ruleId").asText());
        assertTrue(Files.readString(junit).contains("<failure message=\"1 finding\" type=\"error\">"));
        try (var s = Files.list(sarif.getParent())) {
            assertEquals(2, s.count(), "no temporary files left beside the outputs");
        }
        Run json = lint(board, "--no-probe", "--format", "json");
        assertEquals(1, new ObjectMapper().readTree(json.out()).get("summary").get("errors").asInt());
        assertEquals("dtprobe lint: 1 file: 1 error\n", json.err(), "the summary goes to stderr when stdout is not text");
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminal() throws IOException {
        String board = file("b.dts", "/dts-v1/;", "/ { bad-x { }; };").toString();
        assertFalse(lint(board, "--no-probe").out().contains("\u001b["), "tests do not run on a terminal");
        assertTrue(lint(board, "--no-probe", "--color", "always").out().contains("\u001b[1;35mwarning:"));
    }

    @Test
    void baselineWrittenThenUsed() throws IOException {
        Path board = file("b.dts", "/dts-v1/;", "/ { rtc { reg = <1>; }; };");
        Path base = dir.resolve("lint-baseline.json");
        Run write = lint(board.toString(), "--no-probe", "--write-baseline", base.toString());
        assertEquals(0, write.exit(), "findings just written to the baseline do not fail");
        assertEquals("1 file: no findings (1 in the baseline)\n", write.out());
        Files.writeString(board, "/dts-v1/;\n\n\n/ { rtc { reg = <1>; }; bad-new { }; };\n");
        Run use = lint(board.toString(), "--no-probe", "--baseline", base.toString(), "--fail-on", "warning");
        assertEquals(1, use.exit(), "only the new finding counts");
        assertEquals(List.of(board + ":4:25: warning: /bad-new: node name starts with 'bad' [bad-names]",
                "1 file: 1 warning (1 in the baseline)"), use.out().lines().toList());
        Run rewrite = lint(board.toString(), "--no-probe", "--baseline", base.toString(), "--write-baseline", base.toString());
        assertEquals("1 file: no findings (2 in the baseline)\n", rewrite.out(), "rewriting leaves no stale entries");
        Files.writeString(board, "/dts-v1/;\n/ { };\n");
        assertEquals("1 file: no findings; 2 baseline entries match nothing (fixed: --write-baseline shrinks it)\n",
                lint(board.toString(), "--no-probe", "--baseline", base.toString()).out());
    }

    @Test
    void directoriesAndShards() throws IOException {
        for (String n : List.of("a", "b", "c", "d", "e")) {
            file("boards/" + n + ".dts", "/dts-v1/;", "/ { bad-" + n + " { }; };");
        }
        file("boards/common.dtsi", "/ { };");
        Run all = lint(dir.resolve("boards").toString(), "--no-probe");
        assertEquals(6, all.out().lines().count(), all.out());
        Run first = lint(dir.resolve("boards").toString(), "--no-probe", "--shard", "1/2");
        Run second = lint(dir.resolve("boards").toString(), "--no-probe", "--shard", "2/2");
        assertTrue(first.out().contains("bad-a") && first.out().contains("bad-c") && first.out().contains("bad-e"), first.out());
        assertTrue(second.out().contains("bad-b") && second.out().contains("bad-d"), second.out());
        assertTrue(first.out().endsWith("3 files: 3 warnings\n") && second.out().endsWith("2 files: 2 warnings\n"));
    }

    @Test
    void listRulesPrintsTheTable() {
        Run r = lint("--list-rules", "-W", "no-bad-names");
        assertEquals(0, r.exit());
        assertEquals(String.join("\n",
                "ID                   LEVEL    CATEGORY  DTC NAME   SUMMARY",
                "bad-names            off      dtc       bad_names  Node names must not start with 'bad'",
                "rtc-reg              error    dtc       rtc_reg    An rtc node must not have reg",
                "boot-info            info     probe     -          Says how many devices the boot created",
                "invalid-suppression  warning  lint      -          A dtprobe: ignore[...] comment names no known rule",
                ""), r.out());
        assertTrue(lint("--list-rules", "--format", "markdown").out().startsWith("# Lint rules\n"));
    }
}
