package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.Cmdline;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lints a tree with the probe rules under a chosen boot (kernel, architecture, catalog,
 * command line, driver_override): what {@code LintFixture.booting} offers, plus the overrides and the 32-bit
 * ARM profile some probe rules need. Findings come as {@code "rule-id /path[:prop]: message"}.
 */
final class ProbeLint {
    private final DeviceTree tree;
    private String kernel = "6.6";
    private KernelProfile.Arch arch = KernelProfile.Arch.ARM64;
    private DriverCatalog catalog = TestDrivers.sampleBoard();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private String cmdline;
    private boolean modules = true;

    private ProbeLint(DeviceTree tree) {
        this.tree = tree;
    }

    /** An inline snippet (a {@code /dts-v1/;} header is added). */
    static ProbeLint dts(String dts) {
        return new ProbeLint(new TreeLoader(LoadOptions.defaults()).loadDts("test.dts", "/dts-v1/;\n" + dts).tree());
    }

    /** A board file, with the samples' include directory. */
    static ProbeLint file(Path board, List<Path> includeDirs) {
        LoadOptions o = new LoadOptions(includeDirs, List.of(), List.of(), false, null);
        return new ProbeLint(new TreeLoader(o).load(board).tree());
    }

    ProbeLint kernel(String version) {
        this.kernel = version;
        return this;
    }

    ProbeLint arch(KernelProfile.Arch a) {
        this.arch = a;
        return this;
    }

    /** Kernel command line, e.g. {@code "deferred_probe_timeout=-1 fw_devlink.strict=1"}. */
    ProbeLint cmdline(String args) {
        this.cmdline = args;
        return this;
    }

    /** A kernel built without CONFIG_MODULES. */
    ProbeLint noModules() {
        this.modules = false;
        return this;
    }

    ProbeLint catalog(DriverCatalog c) {
        this.catalog = c;
        return this;
    }

    /** driver_override: only {@code driver} may bind {@code device}. */
    ProbeLint bind(String device, String driver) {
        overrides.put(device, driver);
        return this;
    }

    /** Findings of one rule, the others off. */
    List<String> lines(String ruleId) {
        RuleSet set = RuleSet.builtin();
        RuleLevels levels = new RuleLevels(set);
        set.rules().forEach(r -> levels.set(r.id(), r.id().equals(ruleId) ? RuleLevel.WARNING : RuleLevel.OFF));
        return run(levels);
    }

    /** Findings of every probe rule at its default level (dtc's checks off). */
    List<String> lines() {
        RuleSet set = RuleSet.builtin();
        RuleLevels levels = new RuleLevels(set);
        for (LintRule r : set.rules()) {
            if (r.info().category() != RuleCategory.PROBE) {
                levels.set(r.id(), RuleLevel.OFF);
            }
        }
        return run(levels);
    }

    private List<String> run(RuleLevels levels) {
        KernelProfile profile = Cmdline.apply(KernelProfile.forVersion(KernelVersion.parse(kernel), modules, arch),
                cmdline).profile();
        LintContext ctx = new LintContext(tree, "test.dts",
                t -> new BootSimulation(profile, catalog, overrides).run(t));
        List<Finding> findings = new Linter(levels).lint(ctx);
        return findings.stream().map(f -> f.ruleId() + " " + f.location() + ": " + f.message())
                .collect(Collectors.toList());
    }
}
