package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import java.util.HashMap;
import java.util.Map;

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
        // dtc compares every pair, so a node is reported once per earlier namesake
        Map<String, Integer> seen = new HashMap<>();
        for (Node child : node.liveChildren()) {
            int earlier = seen.merge(child.name(), 1, Integer::sum) - 1;
            for (int i = 0; i < earlier; i++) {
                ctx.report(child, "Duplicate node name");
            }
        }
    }
}
