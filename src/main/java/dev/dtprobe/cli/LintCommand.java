package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.lint.run.Baseline;
import dev.dtprobe.lint.run.FailOn;
import dev.dtprobe.lint.run.InputFiles;
import dev.dtprobe.lint.run.LintOptions;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintRules;
import dev.dtprobe.lint.run.LintRunner;
import dev.dtprobe.lint.run.LintSettings;
import dev.dtprobe.lint.run.Progress;
import dev.dtprobe.lint.run.ProgressBar;
import dev.dtprobe.lint.run.RuleFlag;
import dev.dtprobe.lint.run.Shard;
import dev.dtprobe.report.lint.Colour;
import dev.dtprobe.report.lint.GithubReport;
import dev.dtprobe.report.lint.JsonReport;
import dev.dtprobe.report.lint.JunitReport;
import dev.dtprobe.report.lint.LintFormat;
import dev.dtprobe.report.lint.RulesReference;
import dev.dtprobe.report.lint.SarifReport;
import dev.dtprobe.report.lint.TextReport;
import dev.dtprobe.tree.DeviceTree;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code dtprobe lint}: dtc's checks and the probe-aware rules over many boards, for CI. */
@Command(name = "lint",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Checks device trees with dtc's checks and rules that need the simulated boot,",
            "over many files in parallel, and reports as text, JSON, SARIF, GitHub annotations or JUnit.",
            "A .dtprobe.yaml above an input sets its rules, include path, kernel and fail-on (docs/lint.md)."},
        footer = {"", "Examples:",
            "  dtprobe lint arch/arm64/boot/dts -I include",
            "  dtprobe lint boards/ --format sarif=dtprobe.sarif --format text",
            "  dtprobe lint board.dts -Wno-unit_address_vs_reg -E iommus_property",
            "  dtprobe lint boards/ --shard 2/4 --baseline lint-baseline.json",
            "  dtprobe lint --list-rules"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no counted finding at or above --fail-on",
            "1:findings at or above --fail-on (inclusive; suppressed and baselined ones do not count)",
            "2:an input, config or baseline could not be read or parsed, or bad usage",
            "3:internal error"})
final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "Boards (.dts or .dtb); a directory stands for every .dts and .dtb below it.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--list-rules", description = "Print the rules (id, level, category, dtc name, summary) and exit; "
            + "with --format markdown, the rules reference (docs/rules.md).")
    boolean listRules;

    @Option(names = "--format", paramLabel = "FORMAT[=FILE]",
            description = "text (default), json, sarif, github or junit; =FILE writes that format to FILE "
                    + "(atomically), else to standard output. Repeatable: --format sarif=out.sarif --format text.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above LEVEL: error (default), warning, info or none.")
    String failOn;

    @Option(names = "--rule", paramLabel = "ID=LEVEL", parameterConsumer = RuleFlagConsumer.class,
            description = "Set a rule (id or dtc name) to error, warning, info or off; repeatable.")
    List<String> ruleOptions;

    @Option(names = "-W", paramLabel = "NAME", parameterConsumer = RuleFlagConsumer.class,
            description = "dtc's -W: enable NAME (and its prerequisites) as a warning; -Wno-NAME or -W no-NAME disables it.")
    List<String> warnOptions;

    @Option(names = "-E", paramLabel = "NAME", parameterConsumer = RuleFlagConsumer.class,
            description = "dtc's -E: enable NAME as an error; -Eno-NAME disables it.")
    List<String> errorOptions;

    @Option(names = "--no-probe", description = "Skip the rules that need the boot emulation (no boot at all).")
    boolean noProbe;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    KernelOptions kernel = new KernelOptions();

    @CommandLine.Mixin
    CatalogOptions drivers = new CatalogOptions();

    @Option(names = "--bind", paramLabel = "DEVICE=DRIVER",
            description = "driver_override for the probe rules, repeatable: only DRIVER may bind DEVICE.")
    Map<String, String> bind = new LinkedHashMap<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Boards linted in parallel (default: the number of processors).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Lint only the I-th of N parts of the inputs, for splitting a corpus across CI jobs: "
                    + "the file at index k of the sorted input list (0-based) is in part k mod N + 1.")
    String shard;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Known findings (from --write-baseline) that do not count; keyed by rule, file and node, not line.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the current findings as a baseline to FILE; they then do not count for the exit status.")
    Path writeBaseline;

    @Option(names = "--lint-config", paramLabel = "FILE",
            description = "Use this lint config for every input instead of the .dtprobe.yaml found above each.")
    Path lintConfig;

    @Option(names = "--no-lint-config", description = "Do not look for .dtprobe.yaml files.")
    boolean noLintConfig;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour text output: auto (a terminal, NO_COLOR unset), always or never.")
    String color;

    @CommandLine.Spec
    CommandSpec spec;

    /** The rules to run: every built-in rule (tests substitute their own). */
    RuleSet rules = LintRules.all();

    /** -W, -E and --rule occurrences (option, value) in command-line order: later flags win, as in dtc. */
    private final List<String[]> ruleFlagArgs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleFlag> ruleFlags = ruleFlagArgs.stream().map(a -> toFlag(a[0], a[1])).toList();
        if (listRules) {
            out.print(listRules(ruleFlags));
            out.flush();
            return ExitCode.OK;
        }
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no input: give .dts/.dtb files or directories (or --list-rules)");
        }
        List<FormatTarget> targets = FormatTarget.parseAll(formats);
        Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
        FailOn threshold = failOn == null ? null : parseFailOn(failOn);
        Colour.Mode colourMode = parseColour(color);
        Baseline known = baseline == null ? null : Baseline.load(baseline);

        List<Path> files = part.select(InputFiles.expand(inputs));
        LintOptions options = new LintOptions().rules(rules).includeDirs(input.includeDirs).defines(input.defines, input.undefs)
                .ruleFlags(ruleFlags).kernel(kernel.kernel).failOn(threshold).noProbe(noProbe)
                .discoverConfig(!noLintConfig).configFile(lintConfig).booter(noProbe ? null : booter());
        if (jobs != null) {
            options.jobs(jobs);
        }
        Progress progress = ProgressBar.wanted(System.getenv()) ? new ProgressBar(System.err) : Progress.NONE;
        LintResult result = new LintRunner(options).progress(progress).run(files);
        if (writeBaseline != null) {
            // the new baseline replaces any old one: it lists every current finding
            OutputFiles.writeAtomically(writeBaseline, Baseline.write(result, writeBaseline));
            known = Baseline.load(writeBaseline);
        }
        if (known != null) {
            result = known.apply(result);
        }
        boolean textOnStdout = false;
        for (FormatTarget t : targets) {
            boolean colour = t.file() == null && t.format() == LintFormat.TEXT
                    && Colour.enabled(colourMode, System.getenv(), System.console() != null);
            String text = render(result, t.format(), colour);
            if (t.file() == null) {
                out.print(text);
                out.flush();
                textOnStdout |= t.format() == LintFormat.TEXT;
            } else {
                OutputFiles.writeAtomically(t.file(), text.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!textOnStdout) {
            spec.commandLine().getErr().println("dtprobe lint: " + TextReport.summary(result));
            spec.commandLine().getErr().flush();
        }
        if (result.hasUnreadableInput()) {
            return ExitCode.BAD_INPUT;
        }
        return result.fails() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private String listRules(List<RuleFlag> ruleFlags) {
        RuleSet all = LintRules.withRunRules(rules);
        RuleLevels levels = new RuleLevels(all);
        ruleFlags.forEach(f -> f.applyTo(levels));
        if (noProbe) {
            LintSettings.turnOffProbeRules(levels);
        }
        if (formats.isEmpty() || formats.equals(List.of("text"))) {
            return RulesReference.table(levels);
        }
        if (formats.equals(List.of("markdown"))) {
            return RulesReference.markdown(all);
        }
        throw new InputException(SourcePos.ofFile("--format"), "--list-rules prints text or markdown, not " + formats);
    }

    /** Per kernel version (a config file may name one), how to boot a tree for the probe rules. */
    private Function<String, Function<DeviceTree, BootResult>> booter() {
        DriverCatalog catalog = drivers.catalog();
        return version -> {
            KernelProfile profile = kernel.profile(version);
            return tree -> new BootSimulation(profile, catalog, bind).run(tree);
        };
    }

    private static String render(LintResult result, LintFormat format, boolean colour) {
        Path root = Path.of("");
        return switch (format) {
            case TEXT -> TextReport.write(result, colour);
            case JSON -> JsonReport.write(result, DtprobeCommand.version());
            case SARIF -> SarifReport.write(result, DtprobeCommand.version(), root);
            case GITHUB -> GithubReport.write(result, root);
            case JUNIT -> JunitReport.write(result);
        };
    }

    private static FailOn parseFailOn(String text) {
        FailOn f = FailOn.parse(text);
        if (f == null) {
            throw new InputException(SourcePos.ofFile("--fail-on"), "bad level '" + text
                    + "': expected error, warning, info or none");
        }
        return f;
    }

    private static Colour.Mode parseColour(String text) {
        return switch (text) {
            case "auto" -> Colour.Mode.AUTO;
            case "always" -> Colour.Mode.ALWAYS;
            case "never" -> Colour.Mode.NEVER;
            default -> throw new InputException(SourcePos.ofFile("--color"), "bad value '" + text
                    + "': expected auto, always or never");
        };
    }

    /** Records each -W/-E/--rule occurrence, keeping their order across the three options. */
    static final class RuleFlagConsumer implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String option = ((OptionSpec) argSpec).longestName();
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(), "option " + option + " needs a value");
            }
            LintCommand cmd = (LintCommand) commandSpec.userObject();
            cmd.ruleFlagArgs.add(new String[] {option, args.pop()});
        }
    }

    /** {@code --rule ID=LEVEL}, {@code -W NAME}, {@code -E NAME}, {@code -W no-NAME} as a flag. */
    static RuleFlag toFlag(String option, String value) {
        if (option.equals("--rule")) {
            int eq = value.indexOf('=');
            RuleLevel level = eq < 0 ? null : RuleLevel.parse(value.substring(eq + 1));
            if (level == null) {
                throw new InputException(SourcePos.ofFile("--rule"), "bad rule setting '" + value
                        + "': expected ID=LEVEL with LEVEL error, warning, info or off");
            }
            return new RuleFlag(value.substring(0, eq), level, false);
        }
        boolean disable = value.startsWith("no-");
        String name = disable ? value.substring(3) : value;
        RuleLevel level = disable ? RuleLevel.OFF : option.equals("-E") ? RuleLevel.ERROR : RuleLevel.WARNING;
        return new RuleFlag(name, level, true);
    }
}
