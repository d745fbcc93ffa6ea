package dev.dtprobe.tree;

import dev.dtprobe.diag.SourcePos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A device-tree node. Children and properties keep the order of their first definition;
 * deleted ones stay in the lists (flagged) because dtc revives them in place when they are
 * defined again. Accessors named {@code live...} skip deleted entries.
 */
public final class Node {
    /** The "no phandle yet" value. */
    public static final long NO_PHANDLE = 0;

    private String name;
    private Node parent;
    private final List<Property> properties = new ArrayList<>();
    private final List<Node> children = new ArrayList<>();
    private final Labels labels = new Labels();
    private boolean deleted;
    private long phandle = NO_PHANDLE;
    private boolean omitIfNoRef;
    private boolean referenced;
    private boolean generated;
    private SourcePos pos;

    public Node(String name, SourcePos pos) {
        this.name = name;
        this.pos = pos == null ? SourcePos.UNKNOWN : pos;
    }

    /** Full name, unit address included ({@code serial@1000}); the root's name is empty. */
    public String name() {
        return name;
    }

    /** Names a node built before its name was known (dtc's {@code name_node}). */
    public void rename(String newName) {
        this.name = newName;
    }

    /** The name up to the first {@code @}. */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The text after the first {@code @}, or null if there is none. */
    public String unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? null : name.substring(at + 1);
    }

    public Node parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** Full path: {@code /} for the root, {@code /soc/serial@1000} below it. */
    public String path() {
        if (parent == null) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        appendPath(sb);
        return sb.toString();
    }

    private void appendPath(StringBuilder sb) {
        if (parent == null) {
            return;
        }
        parent.appendPath(sb);
        sb.append('/').append(name);
    }

    /** All properties, deleted ones included. */
    public List<Property> properties() {
        return Collections.unmodifiableList(properties);
    }

    /** All children, deleted ones included. */
    public List<Node> children() {
        return Collections.unmodifiableList(children);
    }

    public List<Property> liveProperties() {
        List<Property> out = new ArrayList<>(properties.size());
        for (Property p : properties) {
            if (!p.isDeleted()) {
                out.add(p);
            }
        }
        return out;
    }

    public List<Node> liveChildren() {
        List<Node> out = new ArrayList<>(children.size());
        for (Node c : children) {
            if (!c.isDeleted()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The live property with this name, or null. */
    public Property property(String propName) {
        for (Property p : properties) {
            if (!p.isDeleted() && p.name().equals(propName)) {
                return p;
            }
        }
        return null;
    }

    /** The property with this name, deleted or not, or null. */
    public Property propertyIncludingDeleted(String propName) {
        for (Property p : properties) {
            if (p.name().equals(propName)) {
                return p;
            }
        }
        return null;
    }

    /** The live child with this exact full name, or null. */
    public Node child(String childName) {
        for (Node c : children) {
            if (!c.isDeleted() && c.name().equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The child with this exact full name, deleted or not, or null. */
    public Node childIncludingDeleted(String childName) {
        for (Node c : children) {
            if (c.name().equals(childName)) {
                return c;
            }
        }
        return null;
    }

    public void addProperty(Property p) {
        properties.add(p);
    }

    /** Removes a property outright (dtc does this only for a redundant {@code name}). */
    public void removeProperty(Property p) {
        properties.remove(p);
    }

    public void addChild(Node child) {
        child.parent = this;
        children.add(child);
    }

    /** Puts a new property in front of all others, where libfdt's {@code fdt_setprop} adds one. */
    public void addPropertyFirst(Property p) {
        properties.add(0, p);
    }

    /**
     * Puts a new child in front of all others, where libfdt's {@code fdt_add_subnode} adds one
     * (right after the parent's properties).
     */
    public void addChildFirst(Node child) {
        child.parent = this;
        children.add(0, child);
    }

    public Labels labels() {
        return labels;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Marks this node and everything below it deleted, labels included, as dtc does. */
    public void deleteRecursively() {
        deleted = true;
        labels.deleteAll();
        for (Property p : properties) {
            p.setDeleted(true);
            p.labels().deleteAll();
        }
        for (Node c : children) {
            c.deleteRecursively();
        }
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    /** The phandle assigned to this node, or {@link #NO_PHANDLE}. */
    public long phandle() {
        return phandle;
    }

    public void setPhandle(long phandle) {
        this.phandle = phandle;
    }

    public boolean isOmitIfNoRef() {
        return omitIfNoRef;
    }

    public void setOmitIfNoRef(boolean omitIfNoRef) {
        this.omitIfNoRef = omitIfNoRef;
    }

    public boolean isReferenced() {
        return referenced;
    }

    public void setReferenced(boolean referenced) {
        this.referenced = referenced;
    }

    /**
     * Whether the compiler added this node after dtc's checks ({@code /__symbols__} for -@,
     * {@code /__fixups__} and {@code /__local_fixups__} for overlays); lint does not check it.
     */
    public boolean isGenerated() {
        return generated;
    }

    public void setGenerated(boolean generated) {
        this.generated = generated;
    }

    /** Where the node was first defined. */
    public SourcePos pos() {
        return pos;
    }

    public void setPos(SourcePos pos) {
        this.pos = pos;
    }

    @Override
    public String toString() {
        return path();
    }
}
