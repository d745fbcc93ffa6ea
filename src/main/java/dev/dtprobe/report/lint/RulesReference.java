package dev.dtprobe.report.lint;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import java.util.Locale;

/**
 * The rule list from the rules' own metadata: the table {@code dtprobe lint --list-rules}
 * prints, and the Markdown reference that is docs/rules.md
 * ({@code dtprobe lint --list-rules --format markdown}).
 */
public final class RulesReference {
    /** The command that regenerates docs/rules.md. */
    public static final String REGENERATE = "./dtprobe lint --list-rules --format markdown > docs/rules.md";

    private RulesReference() {
    }

    /** Aligned columns: id, level (as configured), category, dtc alias, summary. */
    public static String table(RuleLevels levels) {
        RuleSet rules = levels.rules();
        int idWidth = "ID".length();
        int aliasWidth = "DTC NAME".length();
        for (LintRule r : rules.rules()) {
            idWidth = Math.max(idWidth, r.id().length());
            aliasWidth = Math.max(aliasWidth, aliases(r.info(), "-").length());
        }
        String format = "%-" + idWidth + "s  %-7s  %-8s  %-" + aliasWidth + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "ID", "LEVEL", "CATEGORY", "DTC NAME", "SUMMARY"));
        for (LintRule r : rules.rules()) {
            RuleInfo i = r.info();
            sb.append(String.format(Locale.ROOT, format, i.id(), levels.levelOf(r).label(), category(i),
                    aliases(i, "-"), i.summary()));
        }
        return sb.toString();
    }

    /** docs/rules.md: a table of every rule, then one section per rule with its description and example. */
    public static String markdown(RuleSet rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Lint rules\n\n")
                .append("<!-- Generated from the rules' metadata by `").append(REGENERATE)
                .append("`; do not edit by hand. -->\n\n")
                .append("`dtprobe lint` runs these rules. Set a rule's level with `--rule ID=LEVEL`, dtc's ")
                .append("`-W NAME`/`-E NAME`/`-Wno-NAME` (dtc check names work), or `rules:` in `.dtprobe.yaml`; ")
                .append("hide one finding with `/* dtprobe: ignore[ID] reason */` on its line (see docs/lint.md).\n\n")
                .append("| id | level | category | dtc name | summary |\n|---|---|---|---|---|\n");
        for (LintRule r : rules.rules()) {
            RuleInfo i = r.info();
            sb.append("| [`").append(i.id()).append("`](#").append(i.id()).append(") | ")
                    .append(i.defaultLevel().label()).append(" | ").append(category(i)).append(" | ")
                    .append(i.aliases().isEmpty() ? "" : "`" + String.join("`, `", i.aliases()) + "`").append(" | ")
                    .append(i.summary().replace("|", "\\|")).append(" |\n");
        }
        for (LintRule r : rules.rules()) {
            RuleInfo i = r.info();
            sb.append("\n## ").append(i.id()).append("\n\n");
            sb.append("Level: ").append(i.defaultLevel().label()).append(". Category: ").append(category(i)).append('.');
            if (!i.aliases().isEmpty()) {
                sb.append(" dtc name: `").append(String.join("`, `", i.aliases())).append("`.");
            }
            if (!i.prerequisites().isEmpty()) {
                sb.append(" Needs: `").append(String.join("`, `", i.prerequisites())).append("`.");
            }
            sb.append("\n\n").append(i.summary()).append('\n');
            if (!i.description().isBlank()) {
                sb.append('\n').append(i.description().strip()).append('\n');
            }
            if (!i.example().isBlank()) {
                sb.append("\nExample:\n\n```dts\n").append(i.example().strip()).append("\n```\n");
            }
        }
        return sb.toString();
    }

    private static String category(RuleInfo i) {
        return i.category().name().toLowerCase(Locale.ROOT);
    }

    private static String aliases(RuleInfo i, String none) {
        return i.aliases().isEmpty() ? none : String.join(",", i.aliases());
    }
}
