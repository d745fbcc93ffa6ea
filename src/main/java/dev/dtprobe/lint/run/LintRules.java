package dev.dtprobe.lint.run;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleSet;
import java.util.ArrayList;
import java.util.List;

/** The rules of {@code dtprobe lint}: every built-in rule, then the lint run's own. */
public final class LintRules {
    private LintRules() {
    }

    public static RuleSet all() {
        return withRunRules(RuleSet.builtin());
    }

    /** {@code rules} plus the rules the lint run itself reports (suppression comments). */
    public static RuleSet withRunRules(RuleSet rules) {
        if (rules.find(InvalidSuppressionRule.ID) != null) {
            return rules;
        }
        List<LintRule> all = new ArrayList<>(rules.rules());
        all.add(new InvalidSuppressionRule());
        return new RuleSet(all);
    }
}
