package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's WARNING_IF_NOT_STRING_LIST: a property, where present, is NUL-terminated strings. */
abstract class StringListCheck extends LintRule {
    private final String property;

    StringListCheck(String property) {
        this.property = property;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        check(node, node.property(property), ctx);
    }

    static void check(Node node, Property p, LintContext ctx) {
        if (p != null && !DtcValues.isStringList(p.value())) {
            ctx.report(node, p, "property is not a string list");
        }
    }
}
