package dev.dtprobe.cli;

/** dtprobe's exit statuses, the same for every subcommand. */
public final class ExitCode {
    /** Ran, nothing to report. */
    public static final int OK = 0;
    /** Ran, and found problems at or above the failure threshold (lint, diff --exit-code). */
    public static final int FINDINGS = 1;
    /** The input could not be read or parsed, or the command line was wrong. */
    public static final int BAD_INPUT = 2;
    /** dtprobe itself failed: a bug to report. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
