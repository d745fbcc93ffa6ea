package dev.dtprobe.frontend.dts;

import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.HashMap;
import java.util.Map;

/**
 * dtc's get_node_phandle: a counter that starts at 1, skips values owned by live nodes and
 * never goes back. A node that gets a phandle also gets a {@code phandle} property appended,
 * unless it already has one (the {@code phandle = <&self>} case).
 */
final class PhandleAllocator {
    private final Map<Long, Node> owners = new HashMap<>();
    private long next = 1;

    static boolean isValid(long phandle) {
        return phandle != 0 && phandle != 0xffffffffL;
    }

    /** Records explicit phandles; call once after they have been read. */
    void indexExisting(Node node) {
        if (node.isDeleted()) {
            return;
        }
        if (isValid(node.phandle())) {
            owners.putIfAbsent(node.phandle(), node);
        }
        for (Node c : node.children()) {
            indexExisting(c);
        }
    }

    long phandleOf(Node node) {
        if (isValid(node.phandle())) {
            return node.phandle();
        }
        while (isTaken(next)) {
            next++;
        }
        long assigned = next;
        node.setPhandle(assigned);
        owners.put(assigned, node);
        if (node.property("phandle") == null) {
            PropertyValue.Builder b = new PropertyValue.Builder();
            b.mark(MarkerType.TYPE_UINT32, null).appendInt(assigned, 4);
            node.addProperty(new Property("phandle", b.build(), node.pos()));
        }
        return assigned;
    }

    private boolean isTaken(long phandle) {
        Node owner = owners.get(phandle);
        return owner != null && !owner.isDeleted() && owner.phandle() == phandle;
    }
}
