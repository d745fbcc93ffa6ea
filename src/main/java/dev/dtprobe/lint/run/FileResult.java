package dev.dtprobe.lint.run;

import dev.dtprobe.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What linting one input gave: its findings (suppressed ones included, marked), or the errors
 * that kept it from being read or parsed, the ids of the rules that ran on it, and the failure
 * threshold that applies to it (from its config file or the command line).
 *
 * @param path        the input as given (relative paths stay relative)
 * @param inputErrors non-empty when the input could not be read or parsed; then nothing was linted
 */
public record FileResult(Path path, List<LintedFinding> findings, List<Diagnostic> inputErrors,
        List<String> rulesRun, FailOn failOn) {

    public FileResult {
        findings = List.copyOf(findings);
        inputErrors = List.copyOf(inputErrors);
        rulesRun = List.copyOf(rulesRun);
    }

    /** The input's name as findings and reports show it. */
    public String file() {
        return path.toString();
    }

    public boolean unreadable() {
        return !inputErrors.isEmpty();
    }

    /** Whether a counted (unsuppressed) finding reaches the failure threshold. */
    public boolean fails() {
        for (LintedFinding f : findings) {
            if (!f.isSuppressed() && failOn.fails(f.finding().severity())) {
                return true;
            }
        }
        return false;
    }

    FileResult withFindings(List<LintedFinding> replaced) {
        return new FileResult(path, replaced, inputErrors, rulesRun, failOn);
    }
}
