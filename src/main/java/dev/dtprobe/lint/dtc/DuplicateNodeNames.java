package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import java.util.List;

/**
 * dtc's {@code duplicate_node_names}. Computed from the tree (the front end keeps both nodes of
 * one block, as dtc does); like dtc, each later node is reported once per earlier namesake.
 */
public final class DuplicateNodeNames extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("duplicate_node_names", RuleLevel.ERROR)
            .summary("no two children of a node have the same name")
            .description("Two subnodes with the same full name (base name and unit address) inside one "
                    + "node body are not merged: dtc refuses the tree. Definitions in separate blocks "
                    + "(a later '&label { ... }') are merged instead and are fine.")
            .example("/ { uart@1000 { }; uart@1000 { }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        List<Node> children = node.liveChildren();
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                if (children.get(i).name().equals(children.get(j).name())) {
                    ctx.report(children.get(j), "Duplicate node name");
                }
            }
        }
    }
}
