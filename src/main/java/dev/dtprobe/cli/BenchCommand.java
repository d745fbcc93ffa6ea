package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.frontend.dtb.DtbWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dtprobe bench compile CORPUS}: compiles every board of a Linux-shaped corpus
 * ({@code src/<arch>/**.dts}, {@code include/}) in this one process, several rounds, and times
 * kbuild's {@code cpp | dtc} on the same boards, one board at a time, for comparison.
 */
@Command(name = "bench",
        description = "Benchmarks (see docs/performance.md).",
        subcommands = {BenchCommand.Compile.class, BootBench.class, LintBench.class})
final class BenchCommand {

    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = {"Compiles every board of CORPUS to DTB in one process and prints boards per",
                "second, beside cpp | dtc on the same boards."})
    static final class Compile implements Callable<Integer> {
        /** The DTC flags of Linux v5.7's scripts/Makefile.lib, so dtc does the same work as in kbuild. */
        private static final List<String> KBUILD_DTC_FLAGS = List.of("-Wno-unit_address_vs_reg",
                "-Wno-unit_address_format", "-Wno-avoid_unnecessary_addr_size", "-Wno-alias_paths",
                "-Wno-graph_child_address", "-Wno-simple_bus_reg", "-Wno-unique_unit_address",
                "-Wno-pci_device_reg");

        @Parameters(paramLabel = "CORPUS", description = "A tree with src/<arch>/**.dts and include/.")
        Path corpus;

        @Option(names = "--arch", defaultValue = "arm64", description = "Architecture directory (default: ${DEFAULT-VALUE}).")
        String arch;

        @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds after one warm-up round (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--no-baseline", description = "Do not run cpp | dtc.")
        boolean noBaseline;

        @Option(names = {"-j", "--jobs"}, defaultValue = "1",
                description = "Boards compiled in parallel by dtprobe (default: ${DEFAULT-VALUE}; cpp | dtc always runs one board at a time).")
        int jobs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> boards = cppDtc().boards();
            out.printf(Locale.ROOT, "corpus: %s (%d boards of %s)%n", corpus, boards.size(), arch);

            long coldNanos = dtprobeRound(boards, new SourceCache());
            long best = Long.MAX_VALUE;
            for (int i = 0; i < rounds; i++) {
                best = Math.min(best, dtprobeRound(boards, new SourceCache()));
            }
            int compiled = compiledCount;
            out.printf(Locale.ROOT, "dtprobe (%d job%s), first round, JVM cold: %7.3f s  %7.1f boards/s%n",
                    jobs, jobs == 1 ? "" : "s", sec(coldNanos), boards.size() / sec(coldNanos));
            out.printf(Locale.ROOT, "dtprobe (%d job%s), best of %d warm rounds: %7.3f s  %7.1f boards/s  (%d compiled, %d failed)%n",
                    jobs, jobs == 1 ? "" : "s", rounds, sec(best), boards.size() / sec(best), compiled, boards.size() - compiled);
            if (!noBaseline) {
                long baseline = cppDtc().time(boards, KBUILD_DTC_FLAGS);
                out.printf(Locale.ROOT, "cpp | dtc, one board at a time:            %7.3f s  %7.1f boards/s%n",
                        sec(baseline), boards.size() / sec(baseline));
                out.printf(Locale.ROOT, "speed-up: %.1fx (cold round), %.1fx (warm)%n",
                        (double) baseline / coldNanos, (double) baseline / best);
            }
            out.flush();
            return ExitCode.OK;
        }

        private int compiledCount;

        /** One round over all boards; boards that fail (e.g. missing includes) are counted, not fatal. */
        private long dtprobeRound(List<Path> boards, SourceCache cache) throws InterruptedException {
            AtomicInteger ok = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
            long start = System.nanoTime();
            for (Path board : boards) {
                pool.execute(() -> {
                    if (compileOne(board, cache)) {
                        ok.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            long elapsed = System.nanoTime() - start;
            compiledCount = ok.get();
            return elapsed;
        }

        private boolean compileOne(Path board, SourceCache cache) {
            try {
                LoadOptions options = new LoadOptions(cppDtc().includeDirs(board), List.of(), List.of(), false, 0L);
                DtbWriter.write(new TreeLoader(options, cache).load(board).tree());
                return true;
            } catch (InputException e) {
                return false; // the same boards fail in every round; counted in the summary
            }
        }

        private CppDtc cppDtc() {
            return new CppDtc(corpus, arch);
        }

        private static double sec(long nanos) {
            return nanos / 1e9;
        }
    }
}
