package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code graph_endpoint}: endpoints are named endpoint, addressed like ports, and linked both ways. */
public final class GraphEndpoint extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("graph-endpoint", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("An OF-graph endpoint is named endpoint and its remote-endpoint points back to it")
            .description("Children of a graph port must have the base name endpoint and follow the same reg "
                    + "rules as ports. remote-endpoint must be a valid phandle, and the remote endpoint's "
                    + "remote-endpoint must point back (the connection is bidirectional).")
            .example("/ { a { port { ea: endpoint { remote-endpoint = <&eb>; }; }; };\n"
                    + "    b { port { eb: endpoint { }; }; }; };")
            .aliases("graph_endpoint")
            .prerequisites("graph-nodes")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (BusKinds.of(ctx).parentBus(node, BusKinds.Stage.GRAPH) != BusKinds.Bus.GRAPH_PORT) {
            return;
        }
        if (!node.baseName().equals("endpoint")) {
            ctx.report(node, "graph endpoint node name should be 'endpoint'");
        }
        GraphReg.check(node, ctx);
        Node remote = remoteEndpoint(node, ctx);
        if (remote != null && remoteEndpoint(remote, ctx) != node) {
            ctx.report(node, "graph connection to node '" + remote.path() + "' is not bidirectional");
        }
    }

    /** dtc's get_remote_endpoint: follows remote-endpoint, reporting a phandle that resolves to nothing. */
    private static Node remoteEndpoint(Node endpoint, LintContext ctx) {
        Property prop = endpoint.property("remote-endpoint");
        if (prop == null || prop.value().length() < 4) {
            return null;
        }
        long phandle = prop.value().cellAt(0);
        if (phandle == 0 || phandle == 0xffffffffL) {
            return null; // unresolved reference in an overlay
        }
        Node node = ctx.graph().byPhandle(phandle);
        if (node == null) {
            ctx.report(endpoint, prop, "graph phandle is not valid");
        }
        return node;
    }
}
