package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code node_name_vs_property_name}. */
public final class NodeNameVsPropertyName extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("node_name_vs_property_name", RuleLevel.WARNING)
            .summary("no child node has the name of a property of its parent")
            .description("A subnode and a property of the same node share one namespace in some "
                    + "consumers (for example /proc/device-tree and sysfs), so their names must differ.")
            .example("/ { pinctrl = <1>; pinctrl { }; };")
            .prerequisites("node-name-chars")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!node.isRoot() && node.parent().property(node.name()) != null) {
            ctx.report(node, "node name and property name conflict");
        }
    }
}
