package dev.dtprobe.report.lint;

import java.util.Locale;

/** The report formats of {@code dtprobe lint --format}. */
public enum LintFormat {
    /** gcc-style lines and a summary: editors and CI problem matchers read it. */
    TEXT,
    /** dtprobe's own document, schema in docs/lint-json.schema.json. */
    JSON,
    /** SARIF 2.1.0 for code-scanning services (GitHub upload-sarif). */
    SARIF,
    /** GitHub Actions workflow commands: annotations on the pull request's files. */
    GITHUB,
    /** JUnit XML for CI test views (GitLab, Jenkins). */
    JUNIT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format with this name, or null. */
    public static LintFormat parse(String name) {
        for (LintFormat f : values()) {
            if (f.label().equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
