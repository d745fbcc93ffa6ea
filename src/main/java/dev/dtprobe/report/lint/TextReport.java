package dev.dtprobe.report.lint;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.run.FileResult;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintedFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * gcc-style text: one {@code file:line:col: warning: /path:prop: message [rule-id]} line per
 * counted finding, input by input in input order, inputs that could not be read as their
 * {@code error:} lines, then one summary line. Suppressed and baselined findings only count in
 * the summary. Colour (gcc's: bold locus, red errors, magenta warnings, cyan infos) only when
 * asked for, see {@link Colour}.
 */
public final class TextReport {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TextReport() {
    }

    public static String write(LintResult result, boolean colour) {
        StringBuilder sb = new StringBuilder();
        for (FileResult fr : result.files()) {
            for (Diagnostic d : fr.inputErrors()) {
                sb.append(line(d.pos().toString(), Severity.ERROR, d.message(), d.check(), colour));
            }
            for (LintedFinding lf : fr.findings()) {
                if (!lf.isSuppressed()) {
                    Finding f = lf.finding();
                    String where = f.location() == null ? "" : f.location() + ": ";
                    sb.append(line(f.pos().toString(), f.severity(), where + f.message(), f.ruleId(), colour));
                }
            }
        }
        sb.append(summary(result)).append('\n');
        return sb.toString();
    }

    /** {@code 3 files: 1 error, 2 warnings (1 suppressed, 4 in the baseline); 1 file could not be read}. */
    public static String summary(LintResult result) {
        LintResult.Counts c = result.counts();
        List<String> found = new ArrayList<>();
        addCount(found, c.errors(), "error", "errors");
        addCount(found, c.warnings(), "warning", "warnings");
        addCount(found, c.infos(), "info", "infos");
        StringBuilder sb = new StringBuilder();
        sb.append(c.files()).append(c.files() == 1 ? " file: " : " files: ");
        sb.append(found.isEmpty() ? "no findings" : String.join(", ", found));
        List<String> hidden = new ArrayList<>();
        addCount(hidden, c.suppressed(), "suppressed", "suppressed");
        if (c.baselined() > 0) {
            hidden.add(c.baselined() + " in the baseline");
        }
        if (!hidden.isEmpty()) {
            sb.append(" (").append(String.join(", ", hidden)).append(')');
        }
        if (c.unreadable() > 0) {
            sb.append("; ").append(c.unreadable()).append(c.unreadable() == 1 ? " file" : " files")
                    .append(" could not be read");
        }
        if (result.staleBaselineEntries() > 0) {
            sb.append("; ").append(result.staleBaselineEntries())
                    .append(" baseline entr").append(result.staleBaselineEntries() == 1 ? "y matches" : "ies match")
                    .append(" nothing (fixed: --write-baseline shrinks it)");
        }
        return sb.toString();
    }

    private static void addCount(List<String> out, int n, String one, String many) {
        if (n > 0) {
            out.add(n + " " + (n == 1 ? one : many));
        }
    }

    private static String line(String locus, Severity severity, String text, String rule, boolean colour) {
        String label = severity.label() + ":";
        String tag = rule == null ? "" : " [" + rule + "]";
        if (!colour) {
            return locus + ": " + label + " " + text + tag + "\n";
        }
        String c = switch (severity) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;35m";
            case INFO -> "\u001b[1;36m";
        };
        String colouredTag = rule == null ? "" : " [" + c + rule + RESET + "]";
        return BOLD + locus + ":" + RESET + " " + c + label + RESET + " " + text + colouredTag + "\n";
    }
}
