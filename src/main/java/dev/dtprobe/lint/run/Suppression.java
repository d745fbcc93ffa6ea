package dev.dtprobe.lint.run;

/**
 * Why a finding is not counted: an inline comment in the source (with the reason written
 * there, possibly empty) or an entry of the baseline file.
 */
public record Suppression(Kind kind, String justification) {

    public enum Kind {
        /** {@code dtprobe: ignore[rule] reason} on the finding's line (SARIF "inSource"). */
        INLINE,
        /** Listed in the {@code --baseline} file (SARIF "external"). */
        BASELINE
    }
}
