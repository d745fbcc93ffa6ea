package dev.dtprobe.lint;

import java.util.HashMap;
import java.util.Map;

/**
 * The level each rule runs at: its default unless set. {@link #setDtcStyle} follows dtc's
 * {@code -W}/{@code -E}/{@code -Wno-} semantics: enabling a check enables its prerequisites at
 * the same level, disabling one disables every check that depends on it.
 */
public final class RuleLevels {
    private final RuleSet rules;
    private final Map<String, RuleLevel> levels = new HashMap<>();

    public RuleLevels(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    public RuleLevel levelOf(LintRule rule) {
        return levels.getOrDefault(rule.id(), rule.info().defaultLevel());
    }

    /**
     * Sets one rule by id or alias.
     *
     * @throws IllegalArgumentException if no rule has that name
     */
    public RuleLevels set(String name, RuleLevel level) {
        levels.put(require(name).id(), level);
        return this;
    }

    /** dtc's flag semantics (see the class comment); {@code name} may be an id or dtc alias. */
    public RuleLevels setDtcStyle(String name, RuleLevel level) {
        LintRule rule = require(name);
        if (level == RuleLevel.OFF) {
            disableWithDependents(rule);
        } else {
            enableWithPrerequisites(rule, level);
        }
        return this;
    }

    private void enableWithPrerequisites(LintRule rule, RuleLevel level) {
        levels.put(rule.id(), level);
        for (LintRule pre : rules.prerequisitesOf(rule)) {
            if (levelOf(pre).compareTo(level) < 0) {
                enableWithPrerequisites(pre, level);
            }
        }
    }

    private void disableWithDependents(LintRule rule) {
        levels.put(rule.id(), RuleLevel.OFF);
        for (LintRule other : rules.rules()) {
            if (other.info().prerequisites().contains(rule.id()) && levelOf(other) != RuleLevel.OFF) {
                disableWithDependents(other);
            }
        }
    }

    private LintRule require(String name) {
        LintRule r = rules.find(name);
        if (r == null) {
            throw new IllegalArgumentException("unknown rule '" + name + "' (see dtprobe lint --list-rules)");
        }
        return r;
    }
}
