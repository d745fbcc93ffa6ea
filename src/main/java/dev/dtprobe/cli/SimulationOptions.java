package dev.dtprobe.cli;

import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.ExtraDevice;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the simulated kernel is and which drivers it has: every boot option except the board.
 * {@code boot}, {@code why} and {@code dma} take it through {@link BootOptions}; {@code diff} takes it
 * once for both boots and adds per-side overrides ({@link #simulation(String, String, List, List)}).
 */
final class SimulationOptions {

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

    /** The catalog of {@code driverFiles} (with the .config), then {@code faultSpecs} injected. */
    DriverCatalog catalog(List<Path> driverFiles, List<String> faultSpecs) {
        DriverCatalog c = drivers.catalog(driverFiles);
        for (String f : faultSpecs) {
            c = c.with(FaultInjection.parse(f));
        }
        return c;
    }

    BootSimulation simulation() {
        return simulation(kernel.kernel, kernel.cmdline, drivers.drivers, faults);
    }

    /** A boot with these kernel, command line, catalog files and faults, and the shared rest. */
    BootSimulation simulation(String kernelVersion, String cmdlineText, List<Path> driverFiles, List<String> faultSpecs) {
        List<ExtraDevice> extra = new ArrayList<>();
        pci.forEach(p -> extra.add(ExtraDevice.parsePci(p)));
        fslMc.forEach(f -> extra.add(ExtraDevice.parseFslMc(f)));
        return new BootSimulation(kernel.profile(kernelVersion, cmdlineText), catalog(driverFiles, faultSpecs), bind)
                .withExtraDevices(extra);
    }
}
