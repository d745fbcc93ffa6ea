package dev.dtprobe.testutil;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.tree.DeviceTree;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Test helper: lint an inline DTS snippet with chosen rules and get the findings back as
 * {@code "rule-id /path[:prop]: message"} lines.
 */
public final class LintFixture {
    private final String dts;
    private final RuleLevels levels;
    private Function<DeviceTree, BootResult> booter = bootWith("6.6", DriverCatalog.bundled());

    private LintFixture(String dts, RuleLevels levels) {
        this.dts = dts;
        this.levels = levels;
    }

    /** Lint {@code dts} (a {@code /dts-v1/;} header is added) with every rule at its default level. */
    public static LintFixture of(String dts) {
        return new LintFixture(dts, new RuleLevels(RuleSet.builtin()));
    }

    /** Lint with only {@code ruleId} enabled (at warning level unless its default is higher). */
    public static LintFixture only(String ruleId, String dts) {
        RuleSet set = RuleSet.builtin();
        RuleLevels levels = new RuleLevels(set);
        set.rules().forEach(r -> levels.set(r.id(), RuleLevel.OFF));
        RuleLevel def = set.find(ruleId).info().defaultLevel();
        levels.set(ruleId, def == RuleLevel.OFF ? RuleLevel.WARNING : def);
        return new LintFixture(dts, levels);
    }

    /** Boot under another kernel version or catalog for probe-aware rules. */
    public LintFixture booting(String kernel, DriverCatalog catalog) {
        this.booter = bootWith(kernel, catalog);
        return this;
    }

    public RuleLevels levels() {
        return levels;
    }

    public List<Finding> findings() {
        // forced, as lint loads: dtc's error checks come back as diagnostics, not an exception
        LoadedTree loaded = new TreeLoader(new LoadOptions(List.of(), List.of(), List.of(), false, null))
                .forced(true).loadDts("test.dts", "/dts-v1/;\n" + dts);
        return new Linter(levels).lint(new LintContext(loaded.tree(), "test.dts", booter, loaded.warnings()));
    }

    /** Findings as {@code "rule-id /path[:prop]: message"}. */
    public List<String> lines() {
        return findings().stream().map(f -> f.ruleId() + " " + f.location() + ": " + f.message())
                .collect(Collectors.toList());
    }

    private static Function<DeviceTree, BootResult> bootWith(String kernel, DriverCatalog catalog) {
        return tree -> new BootSimulation(KernelProfile.forVersion(KernelVersion.parse(kernel), true,
                KernelProfile.Arch.ARM64), catalog).run(tree);
    }
}
