package dev.dtprobe.lint.run;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.tree.DeviceTree;
import java.util.List;
import java.util.function.Function;

/**
 * How one input is linted: rule levels and the linter built from them, how to load it, how to
 * boot it (null: no boot), and its failure threshold. Shared by every input under one config.
 */
public record FileSettings(RuleLevels levels, Linter linter, LoadOptions loadOptions,
        Function<DeviceTree, BootResult> booter, FailOn failOn) {

    /** Ids of the rules that can report at these levels. */
    public List<String> enabledRules() {
        return levels.rules().rules().stream().filter(r -> levels.levelOf(r) != RuleLevel.OFF)
                .map(LintRule::id).toList();
    }
}
