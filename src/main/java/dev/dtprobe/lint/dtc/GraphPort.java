package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code graph_port}: port nodes are named port and addressed with one cell. */
public final class GraphPort extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("graph-port", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("An OF-graph port is named port; its reg is one cell matching the unit address")
            .description("Nodes found as graph ports by graph-nodes must have the base name port. If a port "
                    + "has reg, it must be a single cell equal to the unit address, and the port's parent "
                    + "must have #address-cells = <1> and #size-cells = <0>.")
            .example("/ { dsi { #address-cells = <1>; #size-cells = <0>;\n"
                    + "    out@1 { reg = <1>; ep: endpoint { remote-endpoint = <&ep>; }; }; }; };")
            .aliases("graph_port")
            .prerequisites("graph-nodes")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (BusKinds.of(ctx).busOf(node, BusKinds.Stage.GRAPH) != BusKinds.Bus.GRAPH_PORT) {
            return;
        }
        if (!node.baseName().equals("port")) {
            ctx.report(node, "graph port node name should be 'port'");
        }
        GraphReg.check(node, ctx);
    }
}
