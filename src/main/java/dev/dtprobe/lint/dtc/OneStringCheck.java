package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's WARNING_IF_NOT_STRING / ERROR_IF_NOT_STRING: a property, where present, is one string. */
abstract class OneStringCheck extends LintRule {
    private final String property;

    OneStringCheck(String property) {
        this.property = property;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        check(node, node.property(property), ctx);
    }

    /** Reports {@code p} (if present) unless it holds exactly one string. */
    static void check(Node node, Property p, LintContext ctx) {
        if (p != null && !DtcValues.isOneString(p.value())) {
            ctx.report(node, p, "property is not a string");
        }
    }
}
