package dev.dtprobe.frontend.dts;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;

/** dtc's get_node_by_ref: {@code label}, {@code /abs/path}, or {@code label/rel/path} (dtc 1.7+). */
final class References {
    private final DeviceTree tree;
    private final LabelIndex labels;

    References(DeviceTree tree) {
        this.tree = tree;
        this.labels = new LabelIndex(tree);
    }

    Node resolve(String ref) {
        if (ref.equals("/")) {
            return tree.root();
        }
        if (ref.startsWith("/")) {
            return byPath(tree.root(), ref);
        }
        int slash = ref.indexOf('/');
        Node target = labels.find(slash < 0 ? ref : ref.substring(0, slash));
        if (target == null || slash < 0) {
            return target;
        }
        return byPath(target, ref.substring(slash + 1));
    }

    /** Walks a path below {@code from}; each component must equal a live child's full name. */
    static Node byPath(Node from, String path) {
        Node n = from;
        int i = 0;
        int len = path.length();
        while (true) {
            while (i < len && path.charAt(i) == '/') {
                i++;
            }
            if (i >= len) {
                return n.isDeleted() ? null : n;
            }
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = len;
            }
            n = n.child(path.substring(i, end));
            if (n == null) {
                return null;
            }
            i = end;
        }
    }
}
