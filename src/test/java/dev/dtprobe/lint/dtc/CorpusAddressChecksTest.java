package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our dtc rules against dtc 1.6.1 with its default flags (not kbuild's -Wno list) on every
 * arm64 board of the corpus: system cpp with kbuild's flags and include path, then dtc, beside
 * our front end and linter on the same board. Per board, the findings of every check we
 * implement must be the same (check, node, property, message); the per-check totals are
 * printed. Skipped without the corpus, cpp or dtc 1.6.1; the 30 boards that include files from
 * src/arm/ (absent from the corpus) are skipped as in CorpusConformanceTest.
 */
class CorpusAddressChecksTest {
    private static final Pattern MISSING = Pattern.compile("([^ :']+): No such file or directory");
    private static final SourceCache CACHE = new SourceCache();

    @TempDir
    Path dir;

    @Test
    void everyArm64BoardGivesDtcsFindingsForOurChecks() throws Exception {
        assumeTrue(Corpus.available(), "../shared/corpus not present");
        assumeTrue(DtcOracle.available() && Files.isExecutable(Path.of("/usr/bin/cpp")), "cpp or dtc 1.6.1 missing");
        RuleSet rules = RuleSet.builtin();
        RuleLevels levels = new RuleLevels(rules);
        for (LintRule r : rules.rules()) {
            if (r.info().category() == RuleCategory.PROBE) {
                levels.set(r.id(), RuleLevel.OFF);
            }
        }
        Linter linter = new Linter(levels);
        Map<String, int[]> perCheck = new TreeMap<>(); // check -> {dtc, ours}
        List<String> differences = new ArrayList<>();
        int boards = 0;
        int skipped = 0;
        for (Path board : Corpus.arm64Boards()) {
            LoadedTree loaded;
            try {
                loaded = new TreeLoader(new LoadOptions(Corpus.kbuildIncludes(board), List.of(), List.of(), false, 0L),
                        CACHE).forced(true).load(board);
            } catch (InputException e) {
                Matcher m = MISSING.matcher(e.getMessage());
                if (m.find() && m.group(1).startsWith("arm/")
                        && !Files.exists(Corpus.linux().resolve("src").resolve(m.group(1)))) {
                    skipped++; // includes a src/arm/ file the corpus lacks
                    continue;
                }
                throw e;
            }
            boards++;
            List<String> ours = onlyAddressChecks(DtcOracle.keyList(linter.lint(new LintContext(loaded.tree(),
                    board.toString(), null, loaded.warnings())), rules));
            List<String> theirs = onlyAddressChecks(DtcOracle.findingList(preprocess(board), rules, dtcFlags(board)));
            count(perCheck, theirs, 0);
            count(perCheck, ours, 1);
            if (!ours.equals(theirs)) {
                differences.add(Corpus.relName(board) + ": dtc only " + minus(theirs, ours) + ", ours only "
                        + minus(ours, theirs));
            }
        }
        System.out.printf("%d boards (%d skipped); per check: dtc / ours%n", boards, skipped);
        assertEquals(338, boards + skipped, "arm64 boards in the corpus");
        perCheck.forEach((check, n) -> System.out.printf("  %-32s %6d %6d%n", check, n[0], n[1]));
        assertEquals(List.of(), differences);
    }

    /** kbuild's dtc flags apart from its -Wno list: -b 0 and the include path for /include/. */
    private static String[] dtcFlags(Path board) {
        List<String> flags = new ArrayList<>(List.of("-b", "0"));
        for (Path include : Corpus.kbuildIncludes(board)) {
            flags.add("-i");
            flags.add(include.toString());
        }
        return flags.toArray(String[]::new);
    }

    /** kbuild's cpp step (scripts/Makefile.lib cmd_dtc) with the system cpp. */
    private Path preprocess(Path board) throws Exception {
        Path out = dir.resolve("board.dts.tmp");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/cpp", "-nostdinc", "-undef", "-D__DTS__",
                "-x", "assembler-with-cpp"));
        for (Path include : Corpus.kbuildIncludes(board)) {
            cmd.add("-I");
            cmd.add(include.toString());
        }
        cmd.addAll(List.of(board.toString(), "-o", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "cpp failed on " + board + ": " + err);
        return out;
    }

    /** This test judges the address, bus and graph checks; other dtc checks have their own. */
    private static List<String> onlyAddressChecks(List<String> keys) {
        return keys.stream().filter(k -> AddressCheckCases.DTC_NAMES.contains(k.substring(0, k.indexOf(' '))))
                .toList();
    }

    private static void count(Map<String, int[]> perCheck, List<String> keys, int column) {
        for (String k : keys) {
            perCheck.computeIfAbsent(k.substring(0, k.indexOf(' ')), c -> new int[2])[column]++;
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String s : b) {
            out.remove(s);
        }
        return out.size() > 5 ? out.subList(0, 5) : out;
    }
}
