package dev.dtprobe.lint;

import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs rules over one tree: one depth-first walk that calls every rule on every live node (except
 * the nodes the compiler generates after dtc's checks), then each rule's {@code finish}. As in
 * dtc, a rule whose prerequisite reported anything (even a prerequisite that is off) does not
 * count; if the rule is on it reports "Failed prerequisite" instead. Rules that are off run only
 * when an enabled rule needs them.
 */
public final class Linter {
    private final RuleLevels levels;
    private final List<LintRule> toRun;

    public Linter(RuleLevels levels) {
        this.levels = levels;
        Set<LintRule> needed = new LinkedHashSet<>();
        for (LintRule r : levels.rules().rules()) {
            if (levels.levelOf(r) != RuleLevel.OFF) {
                addWithPrerequisites(r, needed);
            }
        }
        List<LintRule> ordered = new ArrayList<>();
        for (LintRule r : levels.rules().rules()) {
            if (needed.contains(r)) {
                ordered.add(r);
            }
        }
        this.toRun = List.copyOf(ordered);
    }

    /** Lints one tree; findings come rule by rule in table order, nodes in walk order. */
    public List<Finding> lint(LintContext ctx) {
        walk(ctx.tree().root(), ctx);
        for (LintRule r : toRun) {
            ctx.setCurrent(r);
            r.finish(ctx);
        }
        ctx.setCurrent(null);
        return collect(ctx);
    }

    private void walk(Node node, LintContext ctx) {
        for (LintRule r : toRun) {
            ctx.setCurrent(r);
            r.visitNode(node, ctx);
        }
        for (Node child : node.liveChildren()) {
            // dtc checks the tree before it adds __symbols__/__fixups__/__local_fixups__
            if (!child.isGenerated()) {
                walk(child, ctx);
            }
        }
    }

    private List<Finding> collect(LintContext ctx) {
        Map<String, Boolean> passed = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (LintRule r : toRun) {
            Severity severity = levels.levelOf(r).severity();
            if (severity == null) {
                continue;
            }
            List<String> failed = failedPrerequisites(r, ctx, passed);
            if (!failed.isEmpty()) {
                // dtc prints one line per prerequisite that did not pass
                for (String pre : failed) {
                    out.add(new Finding(r.id(), severity, SourcePos.ofFile(ctx.file()), "/", null,
                            "Failed prerequisite '" + pre + "'"));
                }
                continue;
            }
            for (Finding f : ctx.findingsOf(r.id())) {
                out.add(f.withSeverity(severity));
            }
        }
        return out;
    }

    /** dtc's status: a rule passes when its prerequisites pass and it reported nothing. */
    private boolean passes(LintRule r, LintContext ctx, Map<String, Boolean> passed) {
        Boolean known = passed.get(r.id());
        if (known == null) {
            known = failedPrerequisites(r, ctx, passed).isEmpty() && !ctx.hasFindings(r.id());
            passed.put(r.id(), known);
        }
        return known;
    }

    private List<String> failedPrerequisites(LintRule r, LintContext ctx, Map<String, Boolean> passed) {
        List<String> failed = new ArrayList<>();
        for (LintRule pre : levels.rules().prerequisitesOf(r)) {
            if (!passes(pre, ctx, passed)) {
                failed.add(pre.id());
            }
        }
        return failed;
    }

    private void addWithPrerequisites(LintRule r, Set<LintRule> needed) {
        if (needed.add(r)) {
            for (LintRule pre : levels.rules().prerequisitesOf(r)) {
                addWithPrerequisites(pre, needed);
            }
        }
    }
}
