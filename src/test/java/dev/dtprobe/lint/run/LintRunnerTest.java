package dev.dtprobe.lint.run;

import static dev.dtprobe.lint.run.RunFixture.describe;
import static dev.dtprobe.lint.run.RunFixture.options;
import static dev.dtprobe.lint.run.RunFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import dev.dtprobe.lint.RuleLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintRunnerTest {
    @TempDir
    Path dir;

    @Test
    void suppressionCommentsHideFindingsOnTheirLineByIdOrDtcName() {
        Path board = write(dir.resolve("b.dts"),
                "/dts-v1/;",
                "/include/ \"parts.dtsi\"",
                "/ {",
                "\tbad-a { };",                                         // 4: counted
                "\tbad-b { }; /* dtprobe: ignore[bad-names] known */",  // 5: suppressed by id
                "\t// dtprobe: ignore[bad_names]",                      // 6: alone, no reason
                "\tbad-c { };",                                         // 7: suppressed (line after)
                "",
                "\tbad-d { };",                                         // 9: counted (two lines after)
                "\trtc { reg = <1>; }; // dtprobe: ignore[bad-names] wrong rule",  // 10: rtc-reg still counts
                "};");
        write(dir.resolve("parts.dtsi"),
                "/ {",
                "\tbad-e { }; // dtprobe: ignore[bad-names, nosuch] in the include",
                "};");
        FileResult r = new LintRunner(options().noProbe(true)).run(List.of(board)).files().get(0);
        assertEquals(List.of(
                "[INLINE] bad-names /bad-e 2",
                "bad-names /bad-a 4",
                "[INLINE] bad-names /bad-b 5",
                "[INLINE] bad-names /bad-c 7",
                "bad-names /bad-d 9",
                "rtc-reg /rtc:reg 10",
                "invalid-suppression @2"), describe(r));
        assertEquals("known", r.findings().get(2).suppression().justification());
        assertEquals(dir.resolve("parts.dtsi").toString(), r.findings().get(6).finding().pos().file());
        assertTrue(r.findings().get(6).finding().message().contains("'nosuch'"));
    }

    @Test
    void invalidSuppressionCanBeTurnedOff() {
        Path board = write(dir.resolve("b.dts"), "/dts-v1/;", "/ { x { }; /* dtprobe: ignore[nosuch] */ };");
        LintOptions o = options().noProbe(true).ruleFlags(List.of(new RuleFlag("invalid-suppression", RuleLevel.OFF, false)));
        assertEquals(List.of(), describe(new LintRunner(o).run(List.of(board)).files().get(0)));
    }

    @Test
    void unreadableInputsAreRecordedAndTheOthersStillLinted() {
        Path good = write(dir.resolve("good.dts"), "/dts-v1/;", "/ { bad-x { }; };");
        Path syntax = write(dir.resolve("syntax.dts"), "/dts-v1/;", "/ { x = <1; };");
        Path missing = dir.resolve("missing.dts");
        LintResult r = new LintRunner(options().noProbe(true)).run(List.of(syntax, good, missing));
        assertEquals(List.of(syntax, good, missing), r.files().stream().map(FileResult::path).toList());
        assertTrue(r.files().get(0).unreadable());
        assertEquals(2, r.files().get(0).inputErrors().get(0).pos().line());
        assertEquals(List.of("bad-names /bad-x 2"), describe(r.files().get(1)));
        assertEquals("cannot read input: No such file or directory", r.files().get(2).inputErrors().get(0).message());
        assertTrue(r.hasUnreadableInput());
        assertFalse(r.fails(), "a warning does not reach fail-on error");
    }

    @Test
    void resultsComeInInputOrderWhateverTheThreads() {
        List<Path> boards = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boards.add(write(dir.resolve("b" + i + ".dts"), "/dts-v1/;", "/ { bad-" + i + " { }; };"));
        }
        AtomicInteger progress = new AtomicInteger();
        LintResult r = new LintRunner(options().jobs(4)).progress(new Progress() {
            @Override
            public void started(int total) {
                assertEquals(12, total);
            }

            @Override
            public void done(int finished, int total) {
                progress.incrementAndGet();
            }

            @Override
            public void finished() {
            }
        }).run(boards);
        assertEquals(boards, r.files().stream().map(FileResult::path).toList());
        for (int i = 0; i < 12; i++) {
            assertEquals("bad-names /bad-" + i + " 2", describe(r.files().get(i)).get(0));
        }
        assertEquals(12, progress.get());
    }

    @Test
    void noProbeNeverBoots() {
        Path board = write(dir.resolve("b.dts"), "/dts-v1/;", "/ { };");
        AtomicInteger boots = new AtomicInteger();
        LintOptions counting = options().booter(k -> tree -> {
            boots.incrementAndGet();
            return null;
        });
        assertEquals(List.of(), describe(new LintRunner(counting.noProbe(true)).run(List.of(board)).files().get(0)));
        assertEquals(0, boots.get());
        LintResult booted = new LintRunner(options()).run(List.of(board));
        assertEquals(List.of("boot-info / 2"), describe(booted.files().get(0)));
    }

    @Test
    void dtbInputsAreLintedWithoutSourceLines() throws Exception {
        var tree = new TreeLoader(LoadOptions.defaults()).loadDts("x.dts", "/dts-v1/;\n/ { bad-x { }; };\n").tree();
        Path dtb = dir.resolve("x.dtb");
        Files.write(dtb, DtbWriter.write(tree));
        FileResult r = new LintRunner(options().noProbe(true)).run(List.of(dtb)).files().get(0);
        assertEquals(List.of("bad-names /bad-x 0"), describe(r));
        assertEquals(dtb.toString(), r.findings().get(0).finding().pos().file());
    }

    @Test
    void directoriesExpandToSortedBoardsAndNotToIncludes() {
        Path b = write(dir.resolve("d/b.dts"), "/dts-v1/;", "/ { };");
        Path a = write(dir.resolve("d/sub/a.dtb"), "");
        write(dir.resolve("d/part.dtsi"), "/ { };");
        write(dir.resolve("d/readme.txt"), "x");
        assertEquals(List.of(b, a), InputFiles.expand(List.of(dir.resolve("d"))));
        assertEquals(List.of(b, a), InputFiles.expand(List.of(b, dir.resolve("d"))), "a file named twice is linted once");
    }
}
