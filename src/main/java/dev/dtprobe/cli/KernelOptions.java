package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.kernel.Cmdline;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import picocli.CommandLine.Option;

/** Which kernel a command simulates ({@code boot}, {@code why}, {@code lint}'s probe rules). */
final class KernelOptions {

    @Option(names = "--kernel", paramLabel = "VERSION",
            description = "Kernel version whose behaviour to simulate (default: 6.6; e.g. 4.14, 5.10, 6.1).")
    String kernel;

    @Option(names = "--cmdline", paramLabel = "ARGS",
            description = "Kernel command line, e.g. \"deferred_probe_timeout=30 fw_devlink.strict=1\".")
    String cmdline;

    @Option(names = "--no-modules", description = "Simulate a kernel built without CONFIG_MODULES.")
    boolean noModules;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "arm64",
            description = "arm64 (default) or arm: 32-bit ARM keeps stale DMA ops before v4.12.")
    String arch;

    /** The profile for {@code --kernel}, else {@code fallback} (e.g. from a config file), else 6.6. */
    KernelProfile profile(String fallback) {
        return profile(kernel != null ? kernel : fallback, cmdline);
    }

    /**
     * The profile of {@code version} (null: 6.6) with this command's arch and modules, then
     * {@code cmdlineText} applied ({@code diff} passes each side's own).
     */
    KernelProfile profile(String version, String cmdlineText) {
        KernelProfile.Arch a = switch (arch) {
            case "arm64", "aarch64" -> KernelProfile.Arch.ARM64;
            case "arm", "arm32" -> KernelProfile.Arch.ARM;
            default -> throw new InputException(SourcePos.ofFile("--arch"), "unknown architecture '" + arch
                    + "': expected arm64 or arm");
        };
        KernelVersion v = version == null ? KernelProfile.DEFAULT_VERSION : KernelVersion.parse(version);
        KernelProfile base = KernelProfile.forVersion(v, !noModules, a);
        return Cmdline.apply(base, cmdlineText).profile();
    }
}
