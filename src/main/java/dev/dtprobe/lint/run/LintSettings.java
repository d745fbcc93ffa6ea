package dev.dtprobe.lint.run;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out each input's {@link FileSettings} from the command line and the config file that
 * applies to it, building them once per config file. Precedence: rule defaults, then the config
 * file's {@code rules:}, then the rule flags in command-line order, then {@code --no-probe};
 * {@code -I} directories before the config's {@code include:}; the command line's kernel and
 * fail-on before the config's, and {@code error} when neither says.
 */
public final class LintSettings {
    private static final Object NO_CONFIG = new Object();

    private final LintOptions options;
    private final ConfigFinder finder = new ConfigFinder();
    private final Map<Object, FileSettings> byConfig = new ConcurrentHashMap<>();

    public LintSettings(LintOptions options) {
        this.options = options;
    }

    /** The settings for {@code input}; a broken config file is an input error. */
    public FileSettings forInput(Path input) {
        Optional<LintConfig> config = configFor(input);
        Object key = config.<Object>map(LintConfig::file).orElse(NO_CONFIG);
        return byConfig.computeIfAbsent(key, k -> build(config.orElse(null)));
    }

    private Optional<LintConfig> configFor(Path input) {
        if (options.configFile != null) {
            return Optional.of(finder.load(options.configFile));
        }
        return options.discoverConfig ? finder.forInput(input) : Optional.empty();
    }

    /** {@code --no-probe}: every rule that needs the boot emulation off. */
    public static void turnOffProbeRules(RuleLevels levels) {
        for (LintRule r : levels.rules().rules()) {
            if (r.info().category() == RuleCategory.PROBE) {
                levels.set(r.id(), RuleLevel.OFF);
            }
        }
    }

    private FileSettings build(LintConfig config) {
        RuleLevels levels = new RuleLevels(options.rules);
        if (config != null) {
            config.applyTo(levels);
        }
        for (RuleFlag f : options.ruleFlags) {
            f.applyTo(levels);
        }
        if (options.noProbe) {
            turnOffProbeRules(levels);
        }
        List<Path> include = new ArrayList<>(options.includeDirs);
        if (config != null) {
            include.addAll(config.includeDirs());
        }
        LoadOptions load = new LoadOptions(include, options.defines, options.undefs, false, null);
        String kernel = options.kernel != null ? options.kernel : config == null ? null : config.kernel();
        var booter = options.noProbe || options.booterForKernel == null ? null : options.booterForKernel.apply(kernel);
        FailOn failOn = options.failOn != null ? options.failOn
                : config != null && config.failOn() != null ? config.failOn() : FailOn.ERROR;
        return new FileSettings(levels, new Linter(levels), load, booter, failOn);
    }
}
