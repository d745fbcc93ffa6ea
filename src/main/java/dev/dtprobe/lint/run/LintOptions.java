package dev.dtprobe.lint.run;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the command line says about a lint run. Per input, a {@code .dtprobe.yaml} found above
 * it fills in what the command line leaves open: its include path comes after {@code -I}, its
 * rule levels before the rule flags, its kernel and fail-on only when the command line gives none.
 */
public final class LintOptions {
    RuleSet rules = LintRules.all();
    List<Path> includeDirs = List.of();
    List<String> defines = List.of();
    List<String> undefs = List.of();
    List<RuleFlag> ruleFlags = List.of();
    String kernel;
    FailOn failOn;
    boolean noProbe;
    boolean discoverConfig = true;
    Path configFile;
    Function<String, Function<DeviceTree, BootResult>> booterForKernel;
    int jobs = Runtime.getRuntime().availableProcessors();

    public LintOptions rules(RuleSet r) {
        this.rules = LintRules.withRunRules(r);
        return this;
    }

    public LintOptions includeDirs(List<Path> dirs) {
        this.includeDirs = List.copyOf(dirs);
        return this;
    }

    public LintOptions defines(List<String> d, List<String> u) {
        this.defines = List.copyOf(d);
        this.undefs = List.copyOf(u);
        return this;
    }

    public LintOptions ruleFlags(List<RuleFlag> flags) {
        this.ruleFlags = new ArrayList<>(flags);
        return this;
    }

    /** The kernel version for every input (beats the config file's); null to leave it to the config. */
    public LintOptions kernel(String version) {
        this.kernel = version;
        return this;
    }

    /** The threshold for every input (beats the config file's); null for the config's, else error. */
    public LintOptions failOn(FailOn f) {
        this.failOn = f;
        return this;
    }

    /** Turns off every rule that needs the boot emulation, and never boots. */
    public LintOptions noProbe(boolean on) {
        this.noProbe = on;
        return this;
    }

    /** Whether to look for {@code .dtprobe.yaml} above each input (on by default). */
    public LintOptions discoverConfig(boolean on) {
        this.discoverConfig = on;
        return this;
    }

    /** One config file for every input instead of discovery. */
    public LintOptions configFile(Path file) {
        this.configFile = file;
        return this;
    }

    /**
     * How to boot a tree for the probe rules, given the kernel version to simulate (null: the
     * default); null when no boot is possible.
     */
    public LintOptions booter(Function<String, Function<DeviceTree, BootResult>> forKernel) {
        this.booterForKernel = forKernel;
        return this;
    }

    public LintOptions jobs(int n) {
        this.jobs = Math.max(1, n);
        return this;
    }

    public RuleSet ruleSet() {
        return rules;
    }
}
