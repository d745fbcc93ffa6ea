package dev.dtprobe.tree;

import dev.dtprobe.diag.SourcePos;

/** A label on a node, property or memory reservation. Deleted with its owner, then reusable. */
public final class Label {
    private final String name;
    private boolean deleted;
    private SourcePos pos;

    public Label(String name, SourcePos pos) {
        this.name = name;
        this.pos = pos;
    }

    public String name() {
        return name;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    public SourcePos pos() {
        return pos;
    }

    public void setPos(SourcePos pos) {
        this.pos = pos;
    }

    @Override
    public String toString() {
        return deleted ? name + "(deleted)" : name;
    }
}
