package dev.dtprobe.cli;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.ExtraDevice;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of every command that boots a board ({@code boot}, {@code why}, later lint/diff). */
final class BootOptions {

    @Parameters(index = "0", paramLabel = "BOARD", description = "The board: a .dts or .dtb file.")
    Path board;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    KernelOptions kernel = new KernelOptions();

    @CommandLine.Mixin
    CatalogOptions drivers = new CatalogOptions();

    @Option(names = "--fault", paramLabel = "SPEC",
            description = {"Fault injection, repeatable: missing:DRIVER, fail:DRIVER:ERRNO,",
                "defer:DRIVER:N, module:DRIVER:SECONDS."})
    List<String> faults = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "DEVICE=DRIVER",
            description = "driver_override, repeatable: only DRIVER may bind DEVICE (e.g. ee100000.mmc=vfio-platform).")
    Map<String, String> bind = new LinkedHashMap<>();

    @Option(names = "--pci", paramLabel = "BB:DD.F[=WHAT][@UP]",
            description = {"A PCI function on the first host bridge, repeatable: =bridge, or =pciVVVV,DDDD",
                "to name what drivers match; @BB:DD.F names its upstream bridge."})
    List<String> pci = new ArrayList<>();

    @Option(names = "--fsl-mc", paramLabel = "TYPE.N:ICID[@dprc.N]",
            description = "An fsl-mc (DPAA2) object the management complex reports, repeatable, containers first.")
    List<String> fslMc = new ArrayList<>();

    KernelProfile profile() {
        return kernel.profile(null);
    }

    DriverCatalog catalog() {
        DriverCatalog c = drivers.catalog();
        for (String f : faults) {
            c = c.with(FaultInjection.parse(f));
        }
        return c;
    }

    BootResult boot(boolean debugLog) {
        LoadedTree loaded = new TreeLoader(input.toLoadOptions(false, null)).load(board);
        List<ExtraDevice> extra = new ArrayList<>();
        pci.forEach(p -> extra.add(ExtraDevice.parsePci(p)));
        fslMc.forEach(f -> extra.add(ExtraDevice.parseFslMc(f)));
        return new BootSimulation(profile(), catalog(), bind).withDebugLog(debugLog).withExtraDevices(extra)
                .run(loaded.tree());
    }

    BootResult boot() {
        return boot(false);
    }
}
