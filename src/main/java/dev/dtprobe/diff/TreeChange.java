package dev.dtprobe.diff;

/**
 * One difference between the two device trees.
 *
 * @param property the property, or null for a node added or removed
 * @param before   the value in A (DTS syntax), or null when absent
 * @param after    the value in B, or null when absent
 */
public record TreeChange(Kind kind, String path, String property, String before, String after) {

    public enum Kind {
        NODE_ADDED, NODE_REMOVED, PROPERTY_ADDED, PROPERTY_REMOVED, PROPERTY_CHANGED, STATUS_CHANGED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A node added or removed, or a status change: it affects every node below as well. */
    public boolean affectsSubtree() {
        return kind == Kind.NODE_ADDED || kind == Kind.NODE_REMOVED || kind == Kind.STATUS_CHANGED;
    }

    /** {@code /soc/iommu@1000: status "okay" -> "disabled"}, {@code /soc/dpu@5000: iommus added = <...>}. */
    public String describe() {
        return switch (kind) {
            case NODE_ADDED -> path + ": node added";
            case NODE_REMOVED -> path + ": node removed";
            case PROPERTY_ADDED -> path + ": " + property + " added = " + after;
            case PROPERTY_REMOVED -> path + ": " + property + " removed (was " + before + ")";
            case PROPERTY_CHANGED, STATUS_CHANGED -> path + ": " + property + " " + before + " -> " + after;
        };
    }
}
