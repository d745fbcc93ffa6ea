package dev.dtprobe.lint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.Corpus;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * All probe rules over every arm64 board of the corpus under the reference kernel: no rule
 * throws, and the whole rule set boots each tree exactly once (rules share the cached boot).
 * Prints the findings per rule and the time the rules add to the boot.
 */
class CorpusProbeLintTest {

    @Test
    void everyBoardLintsWithOneBoot() {
        assumeTrue(Corpus.available(), "../shared/corpus not present");
        RuleSet set = RuleSet.builtin();
        RuleLevels levels = new RuleLevels(set);
        for (LintRule r : set.rules()) {
            levels.set(r.id(), r.info().category() == RuleCategory.PROBE ? RuleLevel.INFO : RuleLevel.OFF);
        }
        Linter linter = new Linter(levels);
        SourceCache cache = new SourceCache();
        KernelProfile profile = KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION);
        Map<String, Integer> perRule = new TreeMap<>();
        long bootNanos = 0;
        long lintNanos = 0;
        int boards = 0;
        for (Path b : Corpus.arm64Boards()) {
            DeviceTree tree;
            try {
                tree = new TreeLoader(new LoadOptions(Corpus.kbuildIncludes(b), java.util.List.of(), java.util.List.of(),
                        false, 0L), cache).load(b).tree();
            } catch (InputException e) {
                continue; // CorpusBootTest reports boards that do not build
            }
            AtomicInteger boots = new AtomicInteger();
            long[] bootTime = new long[1];
            LintContext ctx = new LintContext(tree, Corpus.relName(b), t -> {
                boots.incrementAndGet();
                long s = System.nanoTime();
                BootResult r = new BootSimulation(profile, DriverCatalog.bundled()).run(t);
                bootTime[0] = System.nanoTime() - s;
                return r;
            });
            long start = System.nanoTime();
            for (Finding f : linter.lint(ctx)) {
                perRule.merge(f.ruleId(), 1, Integer::sum);
            }
            lintNanos += System.nanoTime() - start - bootTime[0];
            bootNanos += bootTime[0];
            assertEquals(1, boots.get(), Corpus.relName(b) + ": the probe rules must share one boot");
            boards++;
        }
        System.out.printf("probe rules over %d arm64 boards: boot %.2f s, rules %.2f s; findings %s%n", boards,
                bootNanos / 1e9, lintNanos / 1e9, perRule);
    }
}
