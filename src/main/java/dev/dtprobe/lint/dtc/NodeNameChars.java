package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code node_name_chars}. */
public final class NodeNameChars extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("node_name_chars", RuleLevel.ERROR)
            .summary("node names use only letters, digits and ',._+-@'")
            .description("The devicetree specification limits node names to letters, digits and the "
                    + "characters ',._+-' plus '@' before the unit address. The DTS lexer also accepts "
                    + "'*', '#' and '?' in names, which dtc then rejects here.")
            .example("/ { gpio#1 { }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        String name = node.name();
        int n = NameChars.span(name, NameChars.NODE);
        if (n < name.length()) {
            ctx.report(node, "Bad character '" + name.charAt(n) + "' in node name");
        }
    }
}
