package dev.dtprobe.lint.dtc;

import dev.dtprobe.tree.Node;

/** dtc's get_node_by_path, which the alias and chosen checks use. */
final class DtcPaths {
    private DtcPaths() {
    }

    /**
     * Resolves {@code path} below {@code tree} as dtc does: leading slashes are skipped, each
     * component must equal a live child's full name, the first matching child is taken without
     * backtracking, an empty path is the node itself. A path without a leading slash therefore
     * resolves too ({@code "soc"} is {@code /soc}).
     */
    static Node nodeByPath(Node tree, String path) {
        if (path == null || path.isEmpty()) {
            return tree.isDeleted() ? null : tree;
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        String rest = path.substring(start);
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        for (Node child : tree.liveChildren()) {
            // nodes the compiler adds after the checks (/__symbols__, ...) do not exist yet for dtc
            if (!child.isGenerated() && child.name().equals(first)) {
                return slash < 0 ? child : nodeByPath(child, rest.substring(slash + 1));
            }
        }
        return null;
    }
}
