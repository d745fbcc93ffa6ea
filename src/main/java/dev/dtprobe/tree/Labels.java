package dev.dtprobe.tree;

import dev.dtprobe.diag.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * The label list of a node or property. Like dtc's, it is a stack: a new label goes in front,
 * and adding a name that is already present revives it in place.
 */
public final class Labels {
    private final List<Label> list = new ArrayList<>(1);

    /** Adds a label the way dtc's {@code add_label} does. */
    public void add(String name, SourcePos pos) {
        for (Label l : list) {
            if (l.name().equals(name)) {
                l.setDeleted(false);
                return;
            }
        }
        list.add(0, new Label(name, pos));
    }

    /** All labels, deleted ones included, in dtc's order. */
    public List<Label> all() {
        return list;
    }

    /** Names of the labels that are not deleted, in dtc's order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(list.size());
        for (Label l : list) {
            if (!l.isDeleted()) {
                out.add(l.name());
            }
        }
        return out;
    }

    public boolean contains(String name) {
        for (Label l : list) {
            if (!l.isDeleted() && l.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return names().isEmpty();
    }

    public void deleteAll() {
        for (Label l : list) {
            l.setDeleted(true);
        }
    }
}
