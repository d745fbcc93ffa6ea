package dev.dtprobe.lint.run;

import dev.dtprobe.diag.Severity;
import dev.dtprobe.lint.RuleSet;
import java.util.List;

/**
 * A whole lint run: one result per input in input order, the rules that could report (for
 * reports that list rule metadata), and how many baseline entries matched no finding (the
 * baseline can shrink by that many).
 */
public record LintResult(List<FileResult> files, RuleSet rules, int staleBaselineEntries) {

    public LintResult {
        files = List.copyOf(files);
    }

    /** The counts a summary line shows. */
    public Counts counts() {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int suppressed = 0;
        int baselined = 0;
        int unreadable = 0;
        for (FileResult f : files) {
            unreadable += f.unreadable() ? 1 : 0;
            for (LintedFinding lf : f.findings()) {
                if (lf.isSuppressed()) {
                    if (lf.suppression().kind() == Suppression.Kind.BASELINE) {
                        baselined++;
                    } else {
                        suppressed++;
                    }
                    continue;
                }
                Severity s = lf.finding().severity();
                switch (s) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    case INFO -> infos++;
                }
            }
        }
        return new Counts(files.size(), unreadable, errors, warnings, infos, suppressed, baselined);
    }

    /** Whether some input could not be read or parsed (exit status 2). */
    public boolean hasUnreadableInput() {
        return files.stream().anyMatch(FileResult::unreadable);
    }

    /** Whether a counted finding reaches its input's failure threshold (exit status 1). */
    public boolean fails() {
        return files.stream().anyMatch(FileResult::fails);
    }

    /** Counted findings by severity, hidden ones by why, and inputs. */
    public record Counts(int files, int unreadable, int errors, int warnings, int infos, int suppressed,
            int baselined) {
    }
}
