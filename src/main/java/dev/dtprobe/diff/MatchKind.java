package dev.dtprobe.diff;

/** How a device of one boot was paired with a device of the other, strongest first. */
public enum MatchKind {
    /** Same node path (or, for a device without a node, the same device name). */
    PATH,
    /** The node moved, but one label names it in both trees. */
    LABEL,
    /** The node moved and has no common label: same first compatible and unit address. */
    COMPATIBLE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
