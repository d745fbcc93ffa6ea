package dev.dtprobe.report.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.lint.run.FileResult;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintedFinding;
import dev.dtprobe.lint.run.Suppression;
import java.nio.file.Path;
import java.util.Locale;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run whose driver lists every rule with
 * its metadata and help (description and example), one result per finding with the file
 * relative to {@code %SRCROOT%} (the working directory), the node path as a logical location,
 * and a partial fingerprint from rule, input file and node path (no line numbers, so alerts
 * follow code that moves). Suppressed and baselined findings are results with
 * {@code suppressions} (inSource / external), so auditors still see them; inputs that could not
 * be read are tool execution notifications and make the invocation unsuccessful.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String FINGERPRINT = "dtprobe/v1";
    private static final String SRCROOT = "%SRCROOT%";

    private SarifReport() {
    }

    /** @param srcRoot what {@code %SRCROOT%} stands for (the directory dtprobe ran in) */
    public static String write(LintResult result, String toolVersion, Path srcRoot) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dtprobe");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        for (LintRule r : result.rules().rules()) {
            rules.add(rule(r.info()));
        }
        String base = srcRoot.toAbsolutePath().normalize().toUri().toString();
        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", base.endsWith("/") ? base : base + "/");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !result.hasUnreadableInput());
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        ArrayNode results = run.putArray("results");
        for (FileResult fr : result.files()) {
            for (Diagnostic d : fr.inputErrors()) {
                ObjectNode n = notes.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", d.message());
                n.putArray("locations").addObject().set("physicalLocation", physical(d.pos(), srcRoot));
            }
            String board = ReportPaths.relative(srcRoot, fr.file());
            for (LintedFinding lf : fr.findings()) {
                results.add(result(lf, board, result.rules(), srcRoot));
            }
        }
        return JsonReport.pretty(root);
    }

    private static ObjectNode rule(RuleInfo info) {
        ObjectNode r = JsonReport.MAPPER.createObjectNode();
        r.put("id", info.id());
        r.putObject("shortDescription").put("text", info.summary());
        r.putObject("fullDescription").put("text", info.description().isBlank() ? info.summary() : info.description());
        ObjectNode help = r.putObject("help");
        help.put("text", helpText(info, false));
        help.put("markdown", helpText(info, true));
        ObjectNode config = r.putObject("defaultConfiguration");
        if (info.defaultLevel() == RuleLevel.OFF) {
            config.put("enabled", false);
        } else {
            config.put("level", level(info.defaultLevel().severity()));
        }
        ObjectNode props = r.putObject("properties");
        props.putArray("tags").add(info.category().name().toLowerCase(Locale.ROOT));
        if (!info.aliases().isEmpty()) {
            ArrayNode names = props.putArray("dtcNames");
            info.aliases().forEach(names::add);
        }
        return r;
    }

    /** The description, then the example that triggers the rule (fenced as DTS in Markdown). */
    static String helpText(RuleInfo info, boolean markdown) {
        StringBuilder sb = new StringBuilder(info.description().isBlank() ? info.summary() : info.description());
        if (!info.example().isBlank()) {
            sb.append(markdown ? "\n\nExample:\n\n```dts\n" : "\n\nExample:\n\n").append(info.example().strip())
                    .append(markdown ? "\n```" : "");
        }
        sb.append(markdown ? "\n\nSuppress one finding with `/* dtprobe: ignore[" : "\n\nSuppress one finding with /* dtprobe: ignore[")
                .append(info.id()).append(markdown ? "] reason */` on its line." : "] reason */ on its line.");
        return sb.toString();
    }

    private static ObjectNode result(LintedFinding lf, String board, RuleSet rules, Path srcRoot) {
        Finding f = lf.finding();
        ObjectNode r = JsonReport.MAPPER.createObjectNode();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", rules.indexOf(f.ruleId()));
        r.put("level", level(f.severity()));
        String where = f.location() == null ? "" : f.location() + ": ";
        String file = ReportPaths.relative(srcRoot, f.pos().file());
        String inBoard = file.equals(board) ? "" : " (board " + board + ")";
        r.putObject("message").put("text", where + f.message() + inBoard);
        ObjectNode loc = r.putArray("locations").addObject();
        loc.set("physicalLocation", physical(f.pos(), srcRoot));
        if (f.nodePath() != null) {
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", f.property() != null ? f.property() : f.nodePath());
            logical.put("fullyQualifiedName", f.location());
            logical.put("kind", f.property() != null ? "member" : "object");
        }
        String node = f.location() == null ? f.pos().line() + ":" + f.pos().column() : f.location();
        r.putObject("partialFingerprints").put(FINGERPRINT, f.ruleId() + ":" + board + ":" + node);
        if (lf.isSuppressed()) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", lf.suppression().kind() == Suppression.Kind.INLINE ? "inSource" : "external");
            if (!lf.suppression().justification().isEmpty()) {
                s.put("justification", lf.suppression().justification());
            }
        }
        return r;
    }

    /** SARIF has no column-less or line-less region: an unknown line is line 1 (the file). */
    private static ObjectNode physical(SourcePos pos, Path srcRoot) {
        ObjectNode p = JsonReport.MAPPER.createObjectNode();
        ObjectNode artifact = p.putObject("artifactLocation");
        artifact.put("uri", ReportPaths.uri(srcRoot, pos.file()));
        artifact.put("uriBaseId", SRCROOT);
        ObjectNode region = p.putObject("region");
        region.put("startLine", Math.max(1, pos.line()));
        if (pos.line() > 0 && pos.column() > 0) {
            region.put("startColumn", pos.column());
        }
        return p;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
