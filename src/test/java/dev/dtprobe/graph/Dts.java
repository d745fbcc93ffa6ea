package dev.dtprobe.graph;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import java.util.List;
import java.util.stream.Collectors;

/** Test helper: compile an inline DTS and build its graph. */
final class Dts {
    final DeviceTree tree;
    final DeviceGraph graph;

    private Dts(String text) {
        tree = new TreeLoader(new LoadOptions(List.of(), List.of(), List.of(), false, null))
                .loadDts("test.dts", "/dts-v1/;\n" + text).tree();
        graph = new DeviceGraph(tree);
    }

    static Dts of(String text) {
        return new Dts(text);
    }

    Node node(String path) {
        Node n = tree.nodeAtPath(path);
        if (n == null) {
            throw new AssertionError("no node " + path);
        }
        return n;
    }

    /** "property -> /supplier/path" lines, consumer included when it is not {@code of}. */
    List<String> suppliers(String path) {
        Node of = node(path);
        return graph.suppliers(of).stream()
                .map(r -> (r.consumer() == of ? "" : r.consumer().path() + ": ") + r.property() + " -> "
                        + r.supplier().path() + (r.optional() ? " (optional)" : ""))
                .collect(Collectors.toList());
    }
}
