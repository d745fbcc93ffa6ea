package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code node_name_chars_strict} (off by default; the kernel's W=2 turns it on). */
public final class NodeNameCharsStrict extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("node_name_chars_strict", RuleLevel.OFF)
            .summary("node base names use only letters, digits, ',' and '-'")
            .description("The recommended style for node names: the base name (before '@') uses only "
                    + "letters, digits, ',' and '-'; '_', '.' and '+' are legal but discouraged.")
            .example("/ { my_dev { }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        int n = NameChars.span(node.name(), NameChars.STRICT);
        if (n < node.baseName().length()) {
            ctx.report(node, "Character '" + node.name().charAt(n) + "' not recommended in node name");
        }
    }
}
