package dev.dtprobe.cli;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.driver.InitcallLevel;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.SyntheticBoard;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dtprobe bench boot}: boots generated boards (N devices, random supplier DAG with every
 * consumer before its suppliers) and prints the time per boot after warm-up, for N and 10 N.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boots generated boards of N and 10 N devices (random clock-supplier DAG, consumers",
            "placed before suppliers) and prints seconds per boot after warm-up and the scaling."})
final class BootBench implements Callable<Integer> {

    @Option(names = "--devices", defaultValue = "100000", description = "N (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--fanout", defaultValue = "2", description = "Most suppliers per device (default: ${DEFAULT-VALUE}).")
    int fanout;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed boots per size after warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--no-scaling", description = "Only N, not 10 N.")
    boolean noScaling;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The one driver of the generated board: device level, its probe gets its clocks. */
    static DriverCatalog catalog() {
        DriverSpec spec = new DriverSpec("synthetic", List.of(SyntheticBoard.COMPATIBLE), BusType.PLATFORM,
                InitcallLevel.DEVICE, 1, null, List.of("clocks"), false, null, false);
        return DriverCatalog.of(List.of(CatalogEntry.builtin(spec))).withGenericDriver(false);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double small = measure(devices, out);
        if (!noScaling) {
            double large = measure(devices * 10, out);
            out.printf(Locale.ROOT, "scaling: 10x the devices took %.2fx the time%n", large / small);
        }
        out.flush();
        return ExitCode.OK;
    }

    private double measure(int n, PrintWriter out) {
        DeviceTree tree = SyntheticBoard.generate(n, fanout, seed);
        BootSimulation sim = new BootSimulation(KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION), catalog())
                .withEvents(false);
        BootResult warm = sim.run(tree);
        for (int i = 0; i < 2; i++) {
            sim.run(tree);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sim.run(tree);
            best = Math.min(best, System.nanoTime() - t0);
        }
        long attempts = 0;
        int bound = 0;
        for (Device d : warm.devices()) {
            attempts += d.probeAttempts();
            bound += d.state() == DeviceState.BOUND ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%,9d devices: best of %d boots %.3f s  (%,d bound, %,d probe attempts, %.2f per device)%n",
                n, rounds, best / 1e9, bound, attempts, (double) attempts / n);
        out.flush();
        return best / 1e9;
    }
}
