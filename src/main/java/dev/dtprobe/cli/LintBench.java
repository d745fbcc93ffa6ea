package dev.dtprobe.cli;

import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.lint.run.FileResult;
import dev.dtprobe.lint.run.LintOptions;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dtprobe bench lint CORPUS}: lints every buildable board of a Linux-shaped corpus in this
 * one process (parse, every built-in rule, and the simulated boot of every board), several
 * rounds, and times kbuild's {@code cpp | dtc} over the same boards, one board at a time.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lints every buildable board of CORPUS in one process (parse + all rules + boot emulation",
            "of every board) and prints the time beside cpp | dtc over the same boards."})
final class LintBench implements Callable<Integer> {

    @Parameters(paramLabel = "CORPUS", description = "A tree with src/<arch>/**.dts and include/.")
    Path corpus;

    @Option(names = "--arch", defaultValue = "arm64", description = "Architecture directory (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds after the first (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Boards linted in parallel (default: the number of processors; cpp | dtc runs one board at a time).")
    Integer jobs;

    @Option(names = "--no-baseline", description = "Do not run cpp | dtc.")
    boolean noBaseline;

    @Option(names = "--no-boot", description = "Boot only boards an enabled probe rule asks about (to see what the boot costs).")
    boolean noBoot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Boots every board, so the figure includes the boot emulation even when no enabled rule
     * asks for it (probe rules share the same lazily built boot, so it never runs twice).
     */
    static final class BootEveryBoard extends LintRule {
        private static final RuleInfo INFO = RuleInfo.builder("bench-boot", RuleLevel.WARNING, RuleCategory.PROBE)
                .summary("Benchmark only: boots the board, reports nothing").build();

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public void finish(LintContext ctx) {
            ctx.boot();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CppDtc cppDtc = new CppDtc(corpus, arch);
        List<Path> all = cppDtc.boards();
        List<LintRule> rules = new ArrayList<>(RuleSet.builtin().rules());
        if (!noBoot) {
            rules.add(new BootEveryBoard());
        }
        AtomicInteger boots = new AtomicInteger();
        KernelProfile profile = KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION);
        DriverCatalog catalog = DriverCatalog.bundled();
        Path src = corpus.resolve("src");
        LintOptions options = new LintOptions().rules(new RuleSet(rules)).discoverConfig(false)
                .includeDirs(List.of(src.resolve(arch), corpus.resolve("include"), src))
                .booter(k -> tree -> {
                    boots.incrementAndGet();
                    return new BootSimulation(profile, catalog).run(tree);
                });
        if (jobs != null) {
            options.jobs(jobs);
        }
        int threads = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();

        long t0 = System.nanoTime();
        LintResult first = new LintRunner(options).run(all);
        long cold = System.nanoTime() - t0;
        List<Path> buildable = first.files().stream().filter(f -> !f.unreadable()).map(FileResult::path).toList();
        out.printf(Locale.ROOT, "corpus: %s (%d boards of %s, %d buildable; the others include files the corpus lacks)%n",
                corpus, all.size(), arch, buildable.size());
        out.printf(Locale.ROOT, "dtprobe lint (%d thread%s), first round over all %d boards, JVM cold: %7.3f s%n",
                threads, threads == 1 ? "" : "s", all.size(), sec(cold));
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        LintResult last = first;
        for (int i = 0; i < rounds; i++) {
            boots.set(0);
            long cpu = CpuTime.self();
            long start = System.nanoTime();
            last = new LintRunner(options).run(buildable);
            best = Math.min(best, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, CpuTime.self() - cpu);
        }
        LintResult.Counts c = last.counts();
        out.printf(Locale.ROOT, "dtprobe lint (%d thread%s), best of %d warm rounds over %d boards: %7.3f s  %7.1f boards/s"
                + "  (%d boots, %d errors, %d warnings, %d infos)%n", threads, threads == 1 ? "" : "s", rounds,
                buildable.size(), sec(best), buildable.size() / sec(best), boots.get(), c.errors(), c.warnings(), c.infos());
        out.printf(Locale.ROOT, "dtprobe lint, CPU time of the least costly warm round (all threads, JIT and GC included): %7.3f s%n",
                sec(bestCpu));
        if (!noBaseline) {
            long childCpu = CpuTime.children();
            long baseline = cppDtc.time(buildable, List.of());
            childCpu = childCpu < 0 ? -1 : CpuTime.children() - childCpu;
            out.printf(Locale.ROOT, "cpp | dtc (all of dtc's checks), one board at a time, %d boards: %7.3f s  %7.1f boards/s"
                    + "  (CPU time %.3f s)%n", buildable.size(), sec(baseline), buildable.size() / sec(baseline), sec(childCpu));
            out.printf(Locale.ROOT, "lint takes %.2fx the time of cpp | dtc (warm), %.2fx (cold round), %.2fx the CPU time (warm)%n",
                    (double) best / baseline, (double) cold * buildable.size() / all.size() / baseline,
                    (double) bestCpu / childCpu);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
