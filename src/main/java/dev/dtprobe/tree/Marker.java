package dev.dtprobe.tree;

/**
 * A note attached to a byte offset of a property value.
 *
 * @param offset byte offset into the value
 * @param type   what the marker records
 * @param ref    label or path text for references and labels, null for type hints
 */
public record Marker(int offset, MarkerType type, String ref) {

    public Marker shifted(int delta) {
        return new Marker(offset + delta, type, ref);
    }
}
