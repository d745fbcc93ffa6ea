package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code graph_nodes}: tags OF-graph port and ports nodes ({@link BusKinds}, stage GRAPH)
 * for the other graph checks. dtc 1.6.1 reports nothing here (1.8 added a root-node test; 1.6.1
 * crashes on an endpoint directly under the root, which we simply do not tag).
 */
public final class GraphNodes extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("graph-nodes", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("Finds OF-graph port and ports nodes for the graph checks (reports nothing itself)")
            .description("A node with a child named endpoint, or with a child that has remote-endpoint, is a "
                    + "graph port; its parent is a ports node when it is named ports or the port has reg. "
                    + "graph-port, graph-endpoint and graph-child-address check the nodes found here.")
            .example("/ { dsi { port { ep: endpoint { remote-endpoint = <&ep>; }; }; }; };")
            .aliases("graph_nodes")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
