package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.report.lint.LintFormat;
import java.nio.file.Path;
import java.util.List;

/** One {@code --format NAME[=FILE]}: a report format and where it goes (null file: standard output). */
record FormatTarget(LintFormat format, Path file) {

    static FormatTarget parse(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String file = eq < 0 ? null : spec.substring(eq + 1);
        LintFormat f = LintFormat.parse(name);
        if (f == null) {
            throw new InputException(SourcePos.ofFile("--format"), "unknown format '" + name
                    + "': expected text, json, sarif, github or junit, optionally =FILE");
        }
        if (file != null && file.isEmpty()) {
            throw new InputException(SourcePos.ofFile("--format"), "'" + spec + "': expected a file name after '='");
        }
        return new FormatTarget(f, file == null || file.equals("-") ? null : Path.of(file));
    }

    /** The targets of every --format; text to standard output when none; at most one on standard output. */
    static List<FormatTarget> parseAll(List<String> specs) {
        if (specs.isEmpty()) {
            return List.of(new FormatTarget(LintFormat.TEXT, null));
        }
        List<FormatTarget> targets = specs.stream().map(FormatTarget::parse).toList();
        if (targets.stream().filter(t -> t.file() == null).count() > 1) {
            throw new InputException(SourcePos.ofFile("--format"),
                    "only one format can go to standard output; give the others a file (--format sarif=out.sarif)");
        }
        return targets;
    }
}
