package dev.dtprobe.diff;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.List;

/** Small reads of a node the diff needs in several places. */
final class NodeFacts {
    private NodeFacts() {
    }

    static List<String> compatibles(Node node) {
        Property p = node.property("compatible");
        return p == null ? List.of() : p.value().strings();
    }

    /** The status as the kernel reads it: a missing property means "okay". */
    static String status(Node node) {
        Property p = node.property("status");
        return p == null ? "okay" : p.value().firstString();
    }

    /** Whether {@code path} is {@code ancestor} or lies below it. */
    static boolean isAtOrBelow(String path, String ancestor) {
        return path.equals(ancestor) || ancestor.equals("/") || path.startsWith(ancestor + "/");
    }
}
