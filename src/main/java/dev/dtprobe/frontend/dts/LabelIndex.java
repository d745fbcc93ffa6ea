package dev.dtprobe.frontend.dts;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Label;
import dev.dtprobe.tree.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the node carrying a label without walking the whole tree for every reference. The map
 * is a cache of dtc's depth-first search: an entry is trusted only while its node is live and
 * still has the label, and any miss rebuilds the map from the tree as it is now.
 */
final class LabelIndex {
    private final DeviceTree tree;
    private Map<String, Node> byLabel = new HashMap<>();

    LabelIndex(DeviceTree tree) {
        this.tree = tree;
    }

    Node find(String label) {
        Node cached = byLabel.get(label);
        if (cached != null && !cached.isDeleted() && cached.labels().contains(label)) {
            return cached;
        }
        rebuild();
        return byLabel.get(label);
    }

    private void rebuild() {
        Map<String, Node> map = new HashMap<>();
        collect(tree.root(), map);
        byLabel = map;
    }

    private static void collect(Node node, Map<String, Node> map) {
        if (node.isDeleted()) {
            return;
        }
        for (Label l : node.labels().all()) {
            if (!l.isDeleted()) {
                map.putIfAbsent(l.name(), node);
            }
        }
        for (Node c : node.children()) {
            collect(c, map);
        }
    }
}
