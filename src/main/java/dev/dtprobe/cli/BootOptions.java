package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.ExtraDevice;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import dev.dtprobe.driver.catalog.KernelConfig;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.Cmdline;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
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
        KernelProfile.Arch a = switch (arch) {
            case "arm64", "aarch64" -> KernelProfile.Arch.ARM64;
            case "arm", "arm32" -> KernelProfile.Arch.ARM;
            default -> throw new InputException(SourcePos.ofFile("--arch"), "unknown architecture '" + arch
                    + "': expected arm64 or arm");
        };
        KernelProfile base = KernelProfile.forVersion(KernelVersion.parse(kernel), !noModules, a);
        return Cmdline.apply(base, cmdline).profile();
    }

    DriverCatalog catalog() {
        DriverCatalog c = DriverCatalog.bundled();
        for (Path file : drivers) {
            c = c.merge(DriverCatalog.load(file));
        }
        if (config != null) {
            c = c.withConfig(KernelConfig.parse(config));
        }
        c = c.withGenericDriver(!noGenericDriver);
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
