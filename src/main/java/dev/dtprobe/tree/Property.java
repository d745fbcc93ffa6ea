package dev.dtprobe.tree;

import dev.dtprobe.diag.SourcePos;

/** A property of a node. Deleted properties stay in the list so a redefinition keeps the slot. */
public final class Property {
    private final String name;
    private PropertyValue value;
    private final Labels labels = new Labels();
    private boolean deleted;
    private SourcePos pos;

    public Property(String name, PropertyValue value, SourcePos pos) {
        this.name = name;
        this.value = value;
        this.pos = pos == null ? SourcePos.UNKNOWN : pos;
    }

    public String name() {
        return name;
    }

    public PropertyValue value() {
        return value;
    }

    public void setValue(PropertyValue value) {
        this.value = value;
    }

    public Labels labels() {
        return labels;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    /** Where the property was (last) defined. */
    public SourcePos pos() {
        return pos;
    }

    public void setPos(SourcePos pos) {
        this.pos = pos;
    }

    @Override
    public String toString() {
        return name + (deleted ? " (deleted)" : "") + " " + value;
    }
}
