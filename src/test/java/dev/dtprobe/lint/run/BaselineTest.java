package dev.dtprobe.lint.run;

import static dev.dtprobe.lint.run.RunFixture.describe;
import static dev.dtprobe.lint.run.RunFixture.options;
import static dev.dtprobe.lint.run.RunFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    private LintResult lint(Path board) {
        return new LintRunner(options().noProbe(true)).run(List.of(board));
    }

    @Test
    void roundTripSurvivesShiftedLinesAndShowsOnlyNewFindings() throws Exception {
        Path board = write(dir.resolve("boards/b.dts"), "/dts-v1/;", "/ {", "\tbad-a { };", "\tbad-b { };",
                "\trtc { reg = <1>; };", "};");
        Path file = dir.resolve("baseline.json");
        Files.write(file, Baseline.write(lint(board), file));
        assertEquals(String.join("\n",
                "{",
                "  \"dtprobeFormat\": \"lint-baseline/1\",",
                "  \"findings\": [",
                "    {",
                "      \"file\": \"boards/b.dts\",",
                "      \"node\": \"/bad-a\",",
                "      \"rule\": \"bad-names\",",
                "      \"count\": 1",
                "    },",
                "    {",
                "      \"file\": \"boards/b.dts\",",
                "      \"node\": \"/bad-b\",",
                "      \"rule\": \"bad-names\",",
                "      \"count\": 1",
                "    },",
                "    {",
                "      \"file\": \"boards/b.dts\",",
                "      \"node\": \"/rtc\",",
                "      \"property\": \"reg\",",
                "      \"rule\": \"rtc-reg\",",
                "      \"count\": 1",
                "    }",
                "  ]",
                "}",
                ""), Files.readString(file));

        // three lines inserted above every node, bad-b fixed, one new problem
        write(board, "/dts-v1/;", "", "/* a new comment */", "", "/ {", "\tbad-a { };",
                "\trtc { reg = <1>; };", "\tbad-new { };", "};");
        LintResult r = Baseline.load(file).apply(lint(board));
        assertEquals(List.of("[BASELINE] bad-names /bad-a 6", "bad-names /bad-new 8", "[BASELINE] rtc-reg /rtc:reg 7"),
                describe(r.files().get(0)));
        assertEquals(1, r.staleBaselineEntries(), "bad-b's entry matches nothing now");
        assertFalse(r.fails(), "the new finding is a warning; the baselined error does not count");
        assertEquals(2, r.counts().baselined());
    }

    @Test
    void aCountHidesOnlyThatManyFindingsWithTheSameKey() throws Exception {
        Path board = write(dir.resolve("b.dts"), "/dts-v1/;", "/ { rtc { reg = <1>; }; };");
        Path file = write(dir.resolve("base.json"), "{\"dtprobeFormat\": \"lint-baseline/1\", \"findings\": [",
                "{\"file\": \"b.dts\", \"node\": \"/rtc\", \"property\": \"reg\", \"rule\": \"rtc-reg\", \"count\": 1}]}");
        assertFalse(Baseline.load(file).apply(lint(board)).fails());
        // the same node defined in a second file: the baseline names b.dts only
        Path other = write(dir.resolve("c.dts"), "/dts-v1/;", "/ { rtc { reg = <1>; }; };");
        LintResult both = Baseline.load(file).apply(new LintRunner(options().noProbe(true)).run(List.of(board, other)));
        assertTrue(both.fails());
        assertEquals(List.of("rtc-reg /rtc:reg 2"), describe(both.files().get(1)));
    }

    @Test
    void entriesOfFilesNotLintedAreNotStale() throws Exception {
        Path board = write(dir.resolve("b.dts"), "/dts-v1/;", "/ { };");
        Path file = write(dir.resolve("base.json"), "{\"dtprobeFormat\": \"lint-baseline/1\", \"findings\": [",
                "{\"file\": \"other-shard.dts\", \"node\": \"/x\", \"rule\": \"bad-names\"}]}");
        assertEquals(0, Baseline.load(file).apply(lint(board)).staleBaselineEntries());
    }

    @Test
    void aBrokenBaselineIsAnInputErrorWithItsPosition() {
        Path bad = write(dir.resolve("bad.json"), "{", "  \"dtprobeFormat\": \"lint-baseline/1\",", "  \"findings\": [,]", "}");
        InputException e = assertThrows(InputException.class, () -> Baseline.load(bad));
        assertEquals(3, e.pos().line());
        Path wrong = write(dir.resolve("wrong.json"), "{\"findings\": []}");
        assertTrue(assertThrows(InputException.class, () -> Baseline.load(wrong)).getMessage().startsWith("not a dtprobe baseline"));
        assertTrue(assertThrows(InputException.class, () -> Baseline.load(dir.resolve("none.json"))).getMessage()
                .contains("No such file"));
    }
}
