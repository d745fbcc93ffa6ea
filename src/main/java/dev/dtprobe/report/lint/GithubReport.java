package dev.dtprobe.report.lint;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.run.FileResult;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintedFinding;
import java.nio.file.Path;

/**
 * GitHub Actions workflow commands, one per counted finding:
 * {@code ::warning file=F,line=L,col=C,title=rule-id::/path:prop: message} (info is
 * {@code ::notice}), escaped as actions/toolkit does; a finding in an included file names the
 * board it was found in, since several boards may include the file. Inputs that could not be read are
 * {@code ::error} lines titled {@code input}. Annotations do not fail the job; the exit status does.
 */
public final class GithubReport {
    private GithubReport() {
    }

    /** @param root the repository root the runner resolves {@code file=} against (the working directory) */
    public static String write(LintResult result, Path root) {
        StringBuilder sb = new StringBuilder();
        for (FileResult fr : result.files()) {
            for (Diagnostic d : fr.inputErrors()) {
                sb.append(command("error", d.pos(), "input", d.message(), root));
            }
            String board = ReportPaths.relative(root, fr.file());
            for (LintedFinding lf : fr.findings()) {
                if (!lf.isSuppressed()) {
                    Finding f = lf.finding();
                    String where = f.location() == null ? "" : f.location() + ": ";
                    String file = ReportPaths.relative(root, f.pos().file());
                    String inBoard = file.equals(board) ? "" : " (board " + board + ")";
                    sb.append(command(kind(f.severity()), f.pos(), f.ruleId(), where + f.message() + inBoard, root));
                }
            }
        }
        if (result.staleBaselineEntries() > 0) {
            sb.append("::warning title=baseline::").append(escapeData(result.staleBaselineEntries()
                    + " baseline entries match no finding any more; regenerate the baseline with --write-baseline"))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String command(String kind, SourcePos pos, String title, String message, Path root) {
        StringBuilder sb = new StringBuilder("::").append(kind).append(" file=")
                .append(escapeProperty(ReportPaths.relative(root, pos.file())));
        if (pos.line() > 0) {
            sb.append(",line=").append(pos.line());
            if (pos.column() > 0) {
                sb.append(",col=").append(pos.column());
            }
        }
        sb.append(",title=").append(escapeProperty(title)).append("::").append(escapeData(message)).append('\n');
        return sb.toString();
    }

    private static String kind(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** actions/toolkit command.ts escapeData. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** actions/toolkit command.ts escapeProperty. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
