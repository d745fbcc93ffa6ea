package dev.dtprobe.lint;

import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;

/**
 * One thing a rule found: which rule, how serious, where in the source, at which node (and
 * property, or null), and what. {@code nodePath} and {@code property} identify a finding
 * independently of line numbers (baselines key on them). {@code nodePath} is null only for
 * findings about the source text rather than the tree (a bad suppression comment).
 */
public record Finding(String ruleId, Severity severity, SourcePos pos, String nodePath, String property,
        String message) {

    /** dtc's "where" prefix: {@code /path} or {@code /path:property}; null without a node. */
    public String location() {
        if (nodePath == null) {
            return null;
        }
        return property == null ? nodePath : nodePath + ":" + property;
    }

    /** gcc style: {@code file:line:col: warning: /path:prop: message [rule-id]}. */
    public String render() {
        String where = nodePath == null ? "" : location() + ": ";
        return pos + ": " + severity.label() + ": " + where + message + " [" + ruleId + "]";
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, pos, nodePath, property, message);
    }
}
