package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code property_name_chars}. */
public final class PropertyNameChars extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("property_name_chars", RuleLevel.ERROR)
            .summary("property names use only letters, digits and ',._+*#?-'")
            .description("Property names may use letters, digits and ',._+*#?-'. The DTS lexer also "
                    + "accepts '@' in names, which dtc then rejects here.")
            .example("/ { dev { clock@rate = <1>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        for (Property p : node.liveProperties()) {
            int n = NameChars.span(p.name(), NameChars.PROPERTY);
            if (n < p.name().length()) {
                ctx.report(node, p, "Bad character '" + p.name().charAt(n) + "' in property name");
            }
        }
    }
}
