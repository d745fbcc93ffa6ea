package dev.dtprobe.lint;

import dev.dtprobe.lint.dtc.DtcRules;
import dev.dtprobe.lint.probe.ProbeRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a lint run in their fixed order (dtc's check table first, then the probe-aware
 * rules), looked up by id or by dtc alias.
 */
public final class RuleSet {
    private final List<LintRule> rules;
    private final Map<String, LintRule> byName = new LinkedHashMap<>();

    public RuleSet(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
        for (LintRule r : this.rules) {
            put(r.id(), r);
            for (String alias : r.info().aliases()) {
                put(alias, r);
            }
        }
        for (LintRule r : this.rules) {
            for (String pre : r.info().prerequisites()) {
                if (!byName.containsKey(pre)) {
                    throw new IllegalStateException(r.id() + ": unknown prerequisite " + pre);
                }
            }
        }
    }

    /** Every built-in rule. */
    public static RuleSet builtin() {
        List<LintRule> all = new ArrayList<>();
        all.addAll(DtcRules.all());
        all.addAll(ProbeRules.all());
        return new RuleSet(all);
    }

    public List<LintRule> rules() {
        return rules;
    }

    /** The rule with this id or dtc alias ({@code -} and {@code _} are interchangeable); null if none. */
    public LintRule find(String name) {
        LintRule r = byName.get(name);
        return r != null ? r : byName.get(name.replace('_', '-'));
    }

    /** Position in the table, for ordering findings as dtc does (check by check). */
    public int indexOf(String ruleId) {
        return rules.indexOf(byName.get(ruleId));
    }

    public List<LintRule> prerequisitesOf(LintRule rule) {
        List<LintRule> out = new ArrayList<>();
        for (String id : rule.info().prerequisites()) {
            out.add(byName.get(id));
        }
        return Collections.unmodifiableList(out);
    }

    private void put(String name, LintRule r) {
        LintRule previous = byName.putIfAbsent(name, r);
        if (previous != null && previous != r) {
            throw new IllegalStateException("rule name '" + name + "' used by " + previous.id() + " and " + r.id());
        }
    }
}
