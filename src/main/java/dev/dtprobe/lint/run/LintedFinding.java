package dev.dtprobe.lint.run;

import dev.dtprobe.lint.Finding;

/** A finding of one input, and whether a suppression comment or the baseline hides it (else null). */
public record LintedFinding(Finding finding, Suppression suppression) {

    public boolean isSuppressed() {
        return suppression != null;
    }

    LintedFinding suppressedBy(Suppression s) {
        return new LintedFinding(finding, s);
    }
}
