package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.ExtraDevice;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import dev.dtprobe.driver.catalog.KernelConfig;
import dev.dtprobe.kernel.Cmdline;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What the simulated kernel is and which drivers it has: every boot option except the board.
 * {@code boot}, {@code why} and {@code dma} take it through {@link BootOptions}; {@code diff} takes it
 * once for both boots and adds per-side overrides ({@link #simulation(String, String, List, List)}).
 */
final class SimulationOptions {

    @Option(names = "--kernel", paramLabel = "VERSION", defaultValue = "6.6",
            description = "Kernel version whose behaviour to simulate (default: ${DEFAULT-VALUE}; e.g. 4.14, 5.10, 6.1).")
    String kernel;

    @Option(names = "--cmdline", paramLabel = "ARGS",
            description = "Kernel command line, e.g. \"deferred_probe_timeout=30 fw_devlink.strict=1\".")
    String cmdline;

    @Option(names = "--no-modules", description = "Simulate a kernel built without CONFIG_MODULES.")
    boolean noModules;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "arm64",
            description = "arm64 (default) or arm: 32-bit ARM keeps stale DMA ops before v4.12.")
    String arch;

    @Option(names = "--drivers", paramLabel = "FILE",
            description = "Driver catalog (JSON or YAML) merged over the bundled one; repeatable, later files win.")
    List<Path> drivers = new ArrayList<>();

    @Option(names = "--config", paramLabel = ".config",
            description = "Kernel .config: CONFIG_FOO=y|m|n decides which drivers are built in, modules or absent.")
    Path config;

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

    @Option(names = "--no-generic-driver",
            description = "Leave devices with unknown compatibles without a driver instead of a generic one.")
    boolean noGenericDriver;

    KernelProfile profile() {
        return profile(kernel, cmdline);
    }

    /** The profile of {@code kernelVersion} with this command's arch and modules, then {@code cmdlineText}. */
    KernelProfile profile(String kernelVersion, String cmdlineText) {
        KernelProfile.Arch a = switch (arch) {
            case "arm64", "aarch64" -> KernelProfile.Arch.ARM64;
            case "arm", "arm32" -> KernelProfile.Arch.ARM;
            default -> throw new InputException(SourcePos.ofFile("--arch"), "unknown architecture '" + arch
                    + "': expected arm64 or arm");
        };
        KernelProfile base = KernelProfile.forVersion(KernelVersion.parse(kernelVersion), !noModules, a);
        return Cmdline.apply(base, cmdlineText).profile();
    }

    DriverCatalog catalog() {
        return catalog(drivers, faults);
    }

    /** The bundled catalog with {@code driverFiles} merged in order, the .config, then {@code faultSpecs}. */
    DriverCatalog catalog(List<Path> driverFiles, List<String> faultSpecs) {
        DriverCatalog c = DriverCatalog.bundled();
        for (Path file : driverFiles) {
            c = c.merge(DriverCatalog.load(file));
        }
        if (config != null) {
            c = c.withConfig(KernelConfig.parse(config));
        }
        c = c.withGenericDriver(!noGenericDriver);
        for (String f : faultSpecs) {
            c = c.with(FaultInjection.parse(f));
        }
        return c;
    }

    BootSimulation simulation() {
        return simulation(kernel, cmdline, drivers, faults);
    }

    /** A boot with these kernel, command line, catalog files and faults, and the shared rest. */
    BootSimulation simulation(String kernelVersion, String cmdlineText, List<Path> driverFiles, List<String> faultSpecs) {
        List<ExtraDevice> extra = new ArrayList<>();
        pci.forEach(p -> extra.add(ExtraDevice.parsePci(p)));
        fslMc.forEach(f -> extra.add(ExtraDevice.parseFslMc(f)));
        return new BootSimulation(profile(kernelVersion, cmdlineText), catalog(driverFiles, faultSpecs), bind)
                .withExtraDevices(extra);
    }
}
