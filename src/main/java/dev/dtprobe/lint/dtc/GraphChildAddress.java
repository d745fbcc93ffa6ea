package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc 1.6.1's {@code graph_child_address} (removed in dtc 1.8.0): a port or ports node with a
 * single child at address 0 needs no cell counts.
 */
public final class GraphChildAddress extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("graph-child-address", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("A graph port/ports node with one child at address 0 does not declare #address-cells")
            .description("When an OF-graph ports or port node has a single child and no child has a non-zero "
                    + "reg, #address-cells/#size-cells are not necessary. dtc 1.6.1 check; dtc 1.8.0 "
                    + "dropped it.")
            .example("/ { dsi { port { #address-cells = <1>; #size-cells = <0>;\n"
                    + "    ep: endpoint@0 { reg = <0>; remote-endpoint = <&ep>; }; }; }; };")
            .aliases("graph_child_address")
            .prerequisites("graph-nodes")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        BusKinds.Bus bus = BusKinds.of(ctx).busOf(node, BusKinds.Stage.GRAPH);
        if (bus != BusKinds.Bus.GRAPH_PORT && bus != BusKinds.Bus.GRAPH_PORTS) {
            return;
        }
        int count = 0;
        for (Node child : node.liveChildren()) {
            Property reg = child.property("reg");
            if (reg != null && reg.value().length() >= 4 && reg.value().cellAt(0) != 0) {
                return; // a non-zero unit address justifies the cell counts
            }
            count++;
        }
        if (count == 1 && AddressCells.of(ctx).declaredAddressCells(node) != -1) {
            ctx.report(node, "graph node has single child node '" + node.children().get(0).name()
                    + "', #address-cells/#size-cells are not necessary");
        }
    }
}
