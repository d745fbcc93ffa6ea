package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.Preprocessor;
import dev.dtprobe.frontend.cpp.PreprocessorOptions;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #5, must-show 2: the dtc rules over the arm64 boards of the Linux v5.7 corpus give the
 * same findings, at the same node and property, as dtc 1.6.1.
 *
 * <p>First against the recorded reference ({@code linux-v5.7-dtc-ref/**.stderr}, dtc run with
 * the kernel's v5.7 flags), then, where dtc is installed, against dtc run now with its default
 * flags on each board's preprocessed source, which exercises every default check. Findings are
 * compared per board and check as multisets of {@code /path[:prop]} (line numbers differ: the
 * reference was built from a full tree). Checks registered in {@link DtcRules} are compared;
 * the others are listed as not implemented. The 30 boards that include files from
 * {@code src/arm/}, absent from the corpus, are skipped as in CorpusConformanceTest.
 */
class CorpusDtcParityTest {
    /** scripts/Makefile.lib of v5.7 (KBUILD_EXTRA_WARN unset). */
    private static final List<String> KERNEL_V57_FLAGS_OFF = List.of("unit_address_vs_reg", "unit_address_format",
            "avoid_unnecessary_addr_size", "alias_paths", "graph_child_address", "simple_bus_reg",
            "unique_unit_address", "pci_device_reg");
    private static final Pattern MISSING = Pattern.compile("([^ :']+): No such file or directory");
    private static final Pattern PREREQ = Pattern.compile("Failed prerequisite '([a-z0-9-]+)'");
    private static final SourceCache CACHE = new SourceCache();

    private record Board(Path path, LoadedTree loaded) {
    }

    private static List<Board> boards;
    private static int skipped;

    @BeforeAll
    static void loadCorpus() {
        assumeTrue(Corpus.available(), "../shared/corpus not present");
        List<Path> paths = Corpus.arm64Boards();
        assertTrue(paths.size() >= 338, "corpus has " + paths.size() + " boards");
        boards = paths.parallelStream().map(CorpusDtcParityTest::load).filter(Objects::nonNull)
                .sorted((a, b) -> a.path().compareTo(b.path())).toList();
        skipped = paths.size() - boards.size();
        assertEquals(30, skipped, "boards that include files missing from the corpus");
    }

    private static Board load(Path board) {
        LoadOptions options = new LoadOptions(Corpus.kbuildIncludes(board), List.of(), List.of(), false, 0L);
        try {
            return new Board(board, new TreeLoader(options, CACHE).forced(true).load(board));
        } catch (InputException e) {
            Matcher m = MISSING.matcher(e.getMessage());
            if (m.find() && m.group(1).startsWith("arm/")
                    && !Files.exists(Corpus.linux().resolve("src").resolve(m.group(1)))) {
                return null;
            }
            throw e;
        }
    }

    @Test
    void kernelFlagsMatchTheRecordedDtcOutput() {
        RuleSet rules = new RuleSet(DtcRules.all());
        RuleLevels levels = new RuleLevels(rules);
        List<String> flagsForMissingChecks = new ArrayList<>();
        for (String check : KERNEL_V57_FLAGS_OFF) {
            if (rules.find(check) != null) {
                levels.setDtcStyle(check, RuleLevel.OFF);
            } else {
                flagsForMissingChecks.add(check);
            }
        }
        Linter linter = new Linter(levels);
        Comparison cmp = new Comparison(registeredChecks(rules));
        boards.parallelStream().forEach(b -> cmp.add(b, ours(linter, b), reference(b)));
        cmp.print("kernel v5.7 flags vs linux-v5.7-dtc-ref (" + boards.size() + " boards)");
        System.out.println("-Wno flags naming unregistered checks: " + flagsForMissingChecks);

        // what the reference holds over these boards (dtc 1.6.1 with the v5.7 flags)
        assertEquals(Set.of("interrupt_provider", "dma_ranges_format"), cmp.dtcCounts.keySet());
        assertEquals(1593, cmp.dtcCounts.get("interrupt_provider"));
        assertEquals(24, cmp.dtcCounts.get("dma_ranges_format"));
        // and ours
        assertEquals(1593, cmp.ourCounts.getOrDefault("interrupt_provider", 0));
        assertEquals(24, cmp.ourCounts.getOrDefault("dma_ranges_format", 0));
        assertEquals(List.of(), flagsForMissingChecks, "every -Wno flag of the kernel names a rule");
        cmp.assertSame();
    }

    @Test
    void defaultFlagsMatchDtcRunNow() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        RuleSet rules = new RuleSet(DtcRules.all());
        Linter linter = new Linter(new RuleLevels(rules));
        Comparison cmp = new Comparison(registeredChecks(rules));
        boards.parallelStream().forEach(b -> cmp.add(b, ours(linter, b), DtcOracle.compile(preprocessed(b))));
        cmp.print("default flags vs dtc 1.6.1 (" + boards.size() + " boards)");
        // this group's checks that fire on these boards; all others of the group stay quiet in dtc too
        assertEquals(9, cmp.dtcCounts.get("alias_paths"));
        assertEquals(1593, cmp.dtcCounts.get("interrupt_provider"));
        assertEquals(9, cmp.ourCounts.getOrDefault("alias_paths", 0));
        assertEquals(1593, cmp.ourCounts.getOrDefault("interrupt_provider", 0));
        cmp.assertSame();
    }

    /**
     * The checks dtc leaves off, turned on (the kernel's W=2 adds the two strict ones;
     * always_fail reports every node, so the walks must visit the same nodes).
     */
    @Test
    void offByDefaultChecksMatchDtcRunNow() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        List<String> extra = List.of("node_name_chars_strict", "property_name_chars_strict", "deprecated_gpio_property",
                "always_fail");
        RuleSet rules = new RuleSet(DtcRules.all());
        RuleLevels levels = new RuleLevels(rules);
        extra.forEach(check -> levels.setDtcStyle(check, RuleLevel.WARNING));
        Linter linter = new Linter(levels);
        String[] flags = extra.stream().map(c -> "-W" + c).toArray(String[]::new);
        Comparison cmp = new Comparison(registeredChecks(rules));
        boards.parallelStream().forEach(b -> cmp.add(b, ours(linter, b), DtcOracle.compile(preprocessed(b), flags)));
        cmp.print("default flags -W" + String.join(" -W", extra) + " vs dtc 1.6.1");
        Map<String, Integer> expected = Map.of("node_name_chars_strict", 6373, "property_name_chars_strict", 1594,
                "deprecated_gpio_property", 420, "always_fail", 71540);
        for (String check : extra) {
            assertEquals(expected.get(check), cmp.dtcCounts.get(check), check + " in dtc");
            assertEquals(expected.get(check), cmp.ourCounts.get(check), check + " in ours");
        }
        cmp.assertSame();
    }

    /**
     * dtc also runs its checks on DTB input: the reference DTBs read by dtc and by our DTB
     * reader give the same findings (no source here, so no markers and no position).
     */
    @Test
    void referenceDtbsMatchDtcRunNow() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        RuleSet rules = new RuleSet(DtcRules.all());
        RuleLevels levels = new RuleLevels(rules);
        List<String> extra = List.of("node_name_chars_strict", "property_name_chars_strict", "deprecated_gpio_property",
                "always_fail");
        extra.forEach(check -> levels.setDtcStyle(check, RuleLevel.WARNING));
        Linter linter = new Linter(levels);
        String[] flags = extra.stream().map(c -> "-W" + c).toArray(String[]::new);
        Comparison cmp = new Comparison(registeredChecks(rules));
        boards.parallelStream().forEach(b -> {
            Path dtb = Corpus.referenceDtb(b.path());
            LoadedTree loaded = new TreeLoader(LoadOptions.defaults(), CACHE).forced(true).load(dtb);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(dtb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cmp.add(b, ours(linter, new Board(dtb, loaded)), DtcOracle.compileDtb(bytes, flags));
        });
        cmp.print("reference DTBs, default flags -W" + String.join(" -W", extra) + " vs dtc 1.6.1 -I dtb");
        assertEquals(71540, cmp.dtcCounts.get("always_fail"));
        cmp.assertSame();
    }

    private static Set<String> registeredChecks(RuleSet rules) {
        return rules.rules().stream().map(r -> r.info().aliases().get(0)).collect(Collectors.toSet());
    }

    /** Our findings as dtc prints them: check, location, and the text of prerequisite failures. */
    private static List<DtcOracle.Message> ours(Linter linter, Board b) {
        LintContext ctx = new LintContext(b.loaded().tree(), b.path().toString(), null, b.loaded().warnings());
        RuleSet rules = new RuleSet(DtcRules.all());
        List<DtcOracle.Message> out = new ArrayList<>();
        for (Finding f : linter.lint(ctx)) {
            LintRule rule = rules.find(f.ruleId());
            String check = rule.info().aliases().get(0);
            Matcher m = PREREQ.matcher(f.message());
            if (m.matches()) {
                out.add(new DtcOracle.Message(check, false, null,
                        "Failed prerequisite '" + m.group(1).replace('-', '_') + "'"));
            } else {
                out.add(new DtcOracle.Message(check, false, f.location(), f.message()));
            }
        }
        return out;
    }

    private static List<DtcOracle.Message> reference(Board b) {
        Path stderr = Corpus.dtcRef().resolve(Corpus.relName(b.path()) + ".stderr");
        try {
            return DtcOracle.parse(Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What kbuild's cpp step gives dtc (our preprocessor; its output is byte-checked elsewhere). */
    private static String preprocessed(Board b) {
        Preprocessor cpp = new Preprocessor(PreprocessorOptions.kbuild(Corpus.kbuildIncludes(b.path())), CACHE);
        return cpp.process(b.path()).text();
    }

    /** Per-board, per-check multisets of locations, and per-check totals. */
    private static final class Comparison {
        private final Set<String> registered;
        final Map<String, Integer> ourCounts = new TreeMap<>();
        final Map<String, Integer> dtcCounts = new TreeMap<>();
        private final Set<String> unimplemented = new TreeSet<>();
        private final Collection<String> mismatches = new ConcurrentLinkedQueue<>();

        Comparison(Set<String> registered) {
            this.registered = registered;
        }

        void add(Board b, List<DtcOracle.Message> ours, List<DtcOracle.Message> dtc) {
            Map<String, List<String>> mine = byCheck(ours);
            Map<String, List<String>> theirs = byCheck(dtc);
            synchronized (this) {
                mine.forEach((check, keys) -> ourCounts.merge(check, keys.size(), Integer::sum));
                theirs.forEach((check, keys) -> dtcCounts.merge(check, keys.size(), Integer::sum));
            }
            Set<String> checks = new TreeSet<>(mine.keySet());
            checks.addAll(theirs.keySet());
            for (String check : checks) {
                if (!registered.contains(check)) {
                    synchronized (this) {
                        unimplemented.add(check);
                    }
                    continue;
                }
                List<String> a = mine.getOrDefault(check, List.of());
                List<String> d = theirs.getOrDefault(check, List.of());
                if (!a.equals(d)) {
                    mismatches.add(Corpus.relName(b.path()) + " " + check + ": ours " + minus(a, d)
                            + " missing " + minus(d, a));
                }
            }
        }

        private static Map<String, List<String>> byCheck(List<DtcOracle.Message> messages) {
            Map<String, List<String>> out = new TreeMap<>();
            for (DtcOracle.Message m : messages) {
                out.computeIfAbsent(m.check(), k -> new ArrayList<>())
                        .add(m.location() == null ? m.text() : m.location());
            }
            out.values().forEach(l -> l.sort(null));
            return out;
        }

        private static List<String> minus(List<String> a, List<String> b) {
            List<String> rest = new ArrayList<>(a);
            b.forEach(rest::remove);
            return rest;
        }

        void print(String title) {
            System.out.println(title);
            System.out.printf("  %-40s %8s %8s%n", "check", "ours", "dtc");
            Set<String> checks = new TreeSet<>(ourCounts.keySet());
            checks.addAll(dtcCounts.keySet());
            for (String c : checks) {
                System.out.printf("  %-40s %8s %8d%n", c,
                        registered.contains(c) ? String.valueOf(ourCounts.getOrDefault(c, 0)) : "n/a",
                        dtcCounts.getOrDefault(c, 0));
            }
            System.out.println("  reported by dtc but not implemented here: " + unimplemented);
            System.out.println("  mismatching board/check pairs: " + mismatches.size());
        }

        void assertSame() {
            List<String> sorted = mismatches.stream().sorted().limit(30).toList();
            assertEquals(List.of(), sorted, mismatches.size() + " board/check pairs differ");
        }
    }
}
