package dev.dtprobe.report.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.run.FileResult;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintedFinding;
import dev.dtprobe.report.TreeJson;
import java.util.Locale;

/**
 * dtprobe's JSON lint report ({@code "dtprobeFormat": "lint/1"}), schema in
 * docs/lint-json.schema.json: a summary whose error/warning/info counts are the findings that
 * count (new ones), then per input its findings, suppressed and baselined ones included and
 * marked, and the errors that kept it from being read.
 */
public final class JsonReport {
    public static final String FORMAT = "lint/1";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static String write(LintResult result, String toolVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dtprobeFormat", FORMAT);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "dtprobe");
        tool.put("version", toolVersion);
        LintResult.Counts c = result.counts();
        ObjectNode summary = root.putObject("summary");
        summary.put("files", c.files());
        summary.put("unreadable", c.unreadable());
        summary.put("errors", c.errors());
        summary.put("warnings", c.warnings());
        summary.put("infos", c.infos());
        summary.put("suppressed", c.suppressed());
        summary.put("baselined", c.baselined());
        summary.put("staleBaselineEntries", result.staleBaselineEntries());
        summary.put("failed", result.fails());
        ArrayNode files = root.putArray("files");
        for (FileResult fr : result.files()) {
            ObjectNode f = files.addObject();
            f.put("file", fr.file());
            f.put("failOn", fr.failOn().label());
            ArrayNode errors = f.putArray("errors");
            for (Diagnostic d : fr.inputErrors()) {
                ObjectNode e = errors.addObject();
                position(e, d.pos());
                e.put("message", d.message());
            }
            ArrayNode findings = f.putArray("findings");
            for (LintedFinding lf : fr.findings()) {
                findings.add(finding(lf));
            }
        }
        return pretty(root);
    }

    private static ObjectNode finding(LintedFinding lf) {
        Finding f = lf.finding();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rule", f.ruleId());
        o.put("level", f.severity().label());
        position(o, f.pos());
        if (f.nodePath() != null) {
            o.put("node", f.nodePath());
        }
        if (f.property() != null) {
            o.put("property", f.property());
        }
        o.put("message", f.message());
        if (lf.isSuppressed()) {
            ObjectNode s = o.putObject("suppressed");
            s.put("kind", lf.suppression().kind().name().toLowerCase(Locale.ROOT));
            s.put("justification", lf.suppression().justification());
        }
        return o;
    }

    private static void position(ObjectNode o, SourcePos pos) {
        o.put("file", pos.file());
        if (pos.line() > 0) {
            o.put("line", pos.line());
        }
        if (pos.column() > 0) {
            o.put("column", pos.column());
        }
    }

    /** Two-space indent, LF line ends on every OS, a final newline (as every dtprobe JSON). */
    static String pretty(ObjectNode root) {
        return TreeJson.pretty(root);
    }
}
