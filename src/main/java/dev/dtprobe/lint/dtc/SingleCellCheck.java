package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's WARNING_IF_NOT_CELL: a property, where present, is exactly one 32-bit cell. */
abstract class SingleCellCheck extends LintRule {
    private final String property;

    SingleCellCheck(String property) {
        this.property = property;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        Property p = node.property(property);
        if (p != null && p.value().length() != 4) {
            ctx.report(node, p, "property is not a single cell");
        }
    }
}
