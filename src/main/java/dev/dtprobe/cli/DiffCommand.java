package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.diff.BootDiff;
import dev.dtprobe.diff.DiffOptions;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.overlay.OverlayApplier;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.report.DiffJson;
import dev.dtprobe.report.DiffText;
import dev.dtprobe.report.html.DiffHtml;
import dev.dtprobe.tree.DeviceTree;
import java.nio.charset.StandardCharsets;
import dev.dtprobe.kernel.KernelProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtprobe diff}: what changes at boot between two boards, two profiles, or a board and an overlay. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {"Boots two variants and reports what changes: devices that bind or not,",
            "bind-order moves, new deferrals and timeouts, IOMMU groups and domains,",
            "bind times, and the DT or profile changes that explain each. B is a",
            "second board, A under other --b-* options, or A with --overlay applied."},
        footer = {"", "Examples:",
            "  dtprobe diff old.dts new.dts",
            "  dtprobe diff board.dts --a-kernel 5.10 --b-kernel 6.1",
            "  dtprobe diff board.dts --overlay camera.dtbo --exit-code"})
final class DiffCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(us|ms|s)");

    @Parameters(index = "0", paramLabel = "A", description = "The first board: a .dts or .dtb file.")
    Path boardA;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B",
            description = "The second board (default: A again, under the --b-* options or with --overlay).")
    Path boardB;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    /** The options both boots share; the per-side --a- and --b- options add to or override them. */
    @CommandLine.Mixin
    SimulationOptions shared = new SimulationOptions();

    @CommandLine.ArgGroup(exclusive = false, heading = "%nPer boot (added to the shared options):%n")
    Sides sides = new Sides();

    @Option(names = "--overlay", paramLabel = "OVERLAY",
            description = "B is A with this overlay (.dtbo, or a /plugin/ .dts) applied; repeatable, in order.")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--time-threshold", paramLabel = "DURATION", defaultValue = "100ms",
            description = "Report a bind time that moved by at least this much (default: ${DEFAULT-VALUE}; us, ms or s).")
    String timeThreshold;

    @Option(names = "--json", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
            description = "Write the diff as JSON (to FILE, or standard output); see docs/diff.md.")
    String json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write both boots side by side as one self-contained HTML page, changes marked.")
    Path html;

    @Option(names = "--exit-code", description = "Exit with 1 when the boots or trees differ, 0 when not (as git diff).")
    boolean exitCode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The options that make one boot differ from the other. */
    static final class Sides {
        @Option(names = "--a-kernel", paramLabel = "VERSION", description = "Kernel version of A (instead of --kernel).")
        String aKernel;

        @Option(names = "--b-kernel", paramLabel = "VERSION", description = "Kernel version of B (instead of --kernel).")
        String bKernel;

        @Option(names = "--a-cmdline", paramLabel = "ARGS", description = "Kernel parameters of A, after --cmdline's.")
        String aCmdline;

        @Option(names = "--b-cmdline", paramLabel = "ARGS", description = "Kernel parameters of B, after --cmdline's.")
        String bCmdline;

        @Option(names = "--a-drivers", paramLabel = "FILE", description = "Driver catalog for A, merged after --drivers.")
        List<Path> aDrivers = new ArrayList<>();

        @Option(names = "--b-drivers", paramLabel = "FILE", description = "Driver catalog for B, merged after --drivers.")
        List<Path> bDrivers = new ArrayList<>();

        @Option(names = "--a-fault", paramLabel = "SPEC", description = "Fault injection for A only (as --fault).")
        List<String> aFaults = new ArrayList<>();

        @Option(names = "--b-fault", paramLabel = "SPEC", description = "Fault injection for B only (as --fault).")
        List<String> bFaults = new ArrayList<>();

        boolean any() {
            return aKernel != null || bKernel != null || aCmdline != null || bCmdline != null || !aDrivers.isEmpty()
                    || !bDrivers.isEmpty() || !aFaults.isEmpty() || !bFaults.isEmpty();
        }
    }

    @Override
    public Integer call() {
        if (boardB == null && overlays.isEmpty() && !sides.any()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to compare: give a second board B, --overlay, or --a-*/--b-* options");
        }
        if (boardB != null && !overlays.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--overlay compares A with A plus the overlay: do not give a second board too");
        }
        checkKernel("--a-kernel", sides.aKernel);
        checkKernel("--b-kernel", sides.bKernel);
        long threshold = parseDuration(timeThreshold);
        BootDiff diff = run(threshold);
        if (json != null) {
            byte[] bytes = DiffJson.write(diff).getBytes(StandardCharsets.UTF_8);
            if (json.equals("-")) {
                OutputFiles.writeToStdout(bytes);
                return status(diff);
            }
            OutputFiles.writeAtomically(Path.of(json), bytes);
        }
        if (html != null) {
            OutputFiles.writeAtomically(html, DiffHtml.write(diff).getBytes(StandardCharsets.UTF_8));
        }
        DiffText.write(diff, spec.commandLine().getOut());
        return status(diff);
    }

    /** Loads both trees, boots both, and compares them: the model every report of diff renders. */
    BootDiff run(long thresholdMicros) {
        boolean symbols = !overlays.isEmpty();
        DeviceTree treeA = new TreeLoader(input.toLoadOptions(symbols, null)).load(boardA).tree();
        DeviceTree treeB = treeB(treeA);
        BootResult a = shared.simulation(kernel(sides.aKernel), cmdline(sides.aCmdline), drivers(sides.aDrivers),
                faults(sides.aFaults)).run(treeA);
        BootResult b = shared.simulation(kernel(sides.bKernel), cmdline(sides.bCmdline), drivers(sides.bDrivers),
                faults(sides.bFaults)).run(treeB);
        DiffOptions options = new DiffOptions(thresholdMicros, labelA(), labelB());
        return BootDiff.compare(a, b, options);
    }

    private DeviceTree treeB(DeviceTree treeA) {
        if (boardB != null) {
            return new TreeLoader(input.toLoadOptions(false, null)).load(boardB).tree();
        }
        if (overlays.isEmpty()) {
            return treeA; // one board under two profiles: the boots only read the tree
        }
        DeviceTree tree = new TreeLoader(input.toLoadOptions(true, null)).load(boardA).tree();
        for (Path overlay : overlays) {
            DeviceTree o = new TreeLoader(input.toLoadOptions(false, null)).load(overlay).tree();
            OverlayApplier.apply(tree, o, overlay.toString());
        }
        return tree;
    }

    /** A bad per-side version is reported under its own option's name, not --kernel's. */
    private static void checkKernel(String option, String version) {
        if (version == null) {
            return;
        }
        try {
            KernelVersion.parse(version);
        } catch (InputException e) {
            throw new InputException(SourcePos.ofFile(option), e.getMessage());
        }
    }

    private int status(BootDiff diff) {
        return exitCode && !diff.isEmpty() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The side's --a-/--b-kernel, else the shared --kernel, else the default version. */
    private String kernel(String side) {
        if (side != null) {
            return side;
        }
        return shared.kernel.kernel != null ? shared.kernel.kernel : KernelProfile.DEFAULT_VERSION.toString();
    }

    private String cmdline(String side) {
        if (shared.kernel.cmdline == null) {
            return side;
        }
        return side == null ? shared.kernel.cmdline : shared.kernel.cmdline + " " + side;
    }

    private List<Path> drivers(List<Path> side) {
        List<Path> all = new ArrayList<>(shared.drivers.drivers);
        all.addAll(side);
        return all;
    }

    private List<String> faults(List<String> side) {
        List<String> all = new ArrayList<>(shared.faults);
        all.addAll(side);
        return all;
    }

    private String labelA() {
        return boardA + " " + profileLabel(sides.aKernel, sides.aCmdline, sides.aDrivers, sides.aFaults);
    }

    private String labelB() {
        String board = boardB != null ? boardB.toString() : boardA.toString();
        for (Path o : overlays) {
            board += " + overlay " + o;
        }
        return board + " " + profileLabel(sides.bKernel, sides.bCmdline, sides.bDrivers, sides.bFaults);
    }

    /** {@code (kernel 6.1, cmdline "...", drivers x.yaml, fault missing:arm-smmu)}: what this side boots with. */
    private String profileLabel(String kernelSide, String cmdlineSide, List<Path> driversSide, List<String> faultsSide) {
        StringBuilder sb = new StringBuilder("(kernel ").append(kernel(kernelSide));
        String cmd = cmdline(cmdlineSide);
        if (cmd != null && !cmd.isBlank()) {
            sb.append(", cmdline \"").append(cmd.strip()).append('"');
        }
        for (Path p : driversSide) {
            sb.append(", drivers ").append(p);
        }
        for (String f : faultsSide) {
            sb.append(", fault ").append(f);
        }
        return sb.append(')').toString();
    }

    /** {@code 100ms}, {@code 0.5s}, {@code 250us} to microseconds. */
    static long parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InputException(SourcePos.ofFile("--time-threshold"), "bad duration '" + text
                    + "': expected a number and a unit, e.g. 100ms, 0.5s or 250us");
        }
        double value = Double.parseDouble(m.group(1));
        double micros = switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
        if (micros > Long.MAX_VALUE / 2) {
            throw new InputException(SourcePos.ofFile("--time-threshold"), "duration too large: " + text);
        }
        return Math.round(micros);
    }
}
