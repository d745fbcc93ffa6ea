package dev.dtprobe.frontend.dts;

import dev.dtprobe.tree.Label;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc's merge_nodes: folds a newly parsed node body into an existing node. Matching is by exact
 * name against existing entries, deleted ones included, so a redefinition revives an entry in
 * its original position; deletion markers in the new body delete the first entry of that name.
 */
final class NodeMerger {
    private NodeMerger() {
    }

    static void merge(Node old, Node incoming) {
        old.setDeleted(false);
        for (Label l : incoming.labels().all()) {
            old.labels().add(l.name(), l.pos());
        }
        for (Property p : incoming.properties()) {
            mergeProperty(old, p);
        }
        for (Node child : incoming.children()) {
            if (child.isDeleted()) {
                Node victim = old.childIncludingDeleted(child.name());
                if (victim != null) {
                    victim.deleteRecursively();
                }
                continue;
            }
            Node existing = old.childIncludingDeleted(child.name());
            if (existing != null) {
                merge(existing, child);
            } else {
                old.addChild(child);
            }
        }
    }

    private static void mergeProperty(Node old, Property p) {
        Property existing = old.propertyIncludingDeleted(p.name());
        if (p.isDeleted()) {
            if (existing != null) {
                existing.setDeleted(true);
                existing.labels().deleteAll();
            }
            return;
        }
        if (existing == null) {
            old.addProperty(p);
            return;
        }
        for (Label l : p.labels().all()) {
            existing.labels().add(l.name(), l.pos());
        }
        existing.setValue(p.value());
        existing.setDeleted(false);
        existing.setPos(p.pos());
    }
}
