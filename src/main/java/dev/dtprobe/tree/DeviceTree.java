package dev.dtprobe.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A whole device tree: the root node, memory reservations and header facts. */
public final class DeviceTree {
    private final Node root;
    private final List<MemReserve> memReserves = new ArrayList<>();
    private boolean plugin;
    private long bootCpuidPhys;

    public DeviceTree(Node root) {
        this.root = root;
    }

    public Node root() {
        return root;
    }

    public List<MemReserve> memReserves() {
        return memReserves;
    }

    public boolean isPlugin() {
        return plugin;
    }

    public void setPlugin(boolean plugin) {
        this.plugin = plugin;
    }

    /** The {@code boot_cpuid_phys} header field. */
    public long bootCpuidPhys() {
        return bootCpuidPhys;
    }

    public void setBootCpuidPhys(long bootCpuidPhys) {
        this.bootCpuidPhys = bootCpuidPhys;
    }

    /** The live node at an absolute path ({@code /soc/serial@1000}), or null. Exact names only. */
    public Node nodeAtPath(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        Node n = root;
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            n = n.child(part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** The live node with this phandle, or null. */
    public Node nodeByPhandle(long phandle) {
        return findByPhandle(root, phandle);
    }

    private static Node findByPhandle(Node n, long phandle) {
        if (n.isDeleted()) {
            return null;
        }
        if (n.phandle() == phandle) {
            return n;
        }
        for (Node c : n.children()) {
            Node found = findByPhandle(c, phandle);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Visits every live node depth-first, parents before children. */
    public void forEachLiveNode(Consumer<Node> visitor) {
        visit(root, visitor);
    }

    private static void visit(Node n, Consumer<Node> visitor) {
        if (n.isDeleted()) {
            return;
        }
        visitor.accept(n);
        for (Node c : n.children()) {
            visit(c, visitor);
        }
    }
}
