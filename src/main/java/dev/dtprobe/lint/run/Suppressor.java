package dev.dtprobe.lint.run;

import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies inline suppression comments to one board's findings: a finding is suppressed when a
 * comment covering its source line (the line of its node or property) names its rule, by id or
 * dtc alias. Comments naming no known rule become {@code invalid-suppression} findings.
 */
final class Suppressor {
    private final RuleSet rules;
    private final SourceComments comments;

    Suppressor(RuleSet rules, SourceComments comments) {
        this.rules = rules;
        this.comments = comments;
    }

    /**
     * @param filesRead every source file the board was built from (its includes too), where
     *                  comments naming unknown rules are looked for
     */
    List<LintedFinding> apply(List<Finding> findings, List<Path> filesRead, RuleLevels levels) {
        List<LintedFinding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new LintedFinding(f, suppressionFor(f)));
        }
        Severity invalid = levels.levelOf(rules.find(InvalidSuppressionRule.ID)).severity();
        if (invalid != null) {
            for (Path file : filesRead) {
                for (SuppressionComment c : comments.of(file)) {
                    reportInvalid(file, c, invalid, out);
                }
            }
        }
        return out;
    }

    private Suppression suppressionFor(Finding f) {
        for (SuppressionComment c : comments.covering(f.pos().file(), f.pos().line())) {
            for (String name : c.names()) {
                LintRule r = rules.find(name);
                if (r != null && r.id().equals(f.ruleId())) {
                    return new Suppression(Suppression.Kind.INLINE, c.reason());
                }
            }
        }
        return null;
    }

    private void reportInvalid(Path file, SuppressionComment c, Severity severity, List<LintedFinding> out) {
        SourcePos pos = new SourcePos(file.toString(), c.line(), c.column());
        if (c.names().isEmpty()) {
            out.add(new LintedFinding(new Finding(InvalidSuppressionRule.ID, severity, pos, null, null,
                    "suppression comment names no rule: write dtprobe: ignore[rule-id] reason"), null));
        }
        for (String name : c.names()) {
            if (rules.find(name) == null) {
                out.add(new LintedFinding(new Finding(InvalidSuppressionRule.ID, severity, pos, null, null,
                        "suppression comment names unknown rule '" + name + "' (see dtprobe lint --list-rules)"), null));
            }
        }
    }
}
