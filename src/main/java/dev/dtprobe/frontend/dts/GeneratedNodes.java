package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Label;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.List;

/**
 * The nodes dtc adds after its checks: {@code /__symbols__} for {@code -@} (allocating phandles
 * for every labelled node), and {@code /__fixups__} and {@code /__local_fixups__} for overlays.
 */
final class GeneratedNodes {
    private final DeviceTree tree;
    private final References refs;
    private final PhandleAllocator phandles;
    private final List<Diagnostic> diagnostics;

    GeneratedNodes(DeviceTree tree, References refs, PhandleAllocator phandles, List<Diagnostic> diagnostics) {
        this.tree = tree;
        this.refs = refs;
        this.phandles = phandles;
        this.diagnostics = diagnostics;
    }

    /** dtc's generate_label_tree(dti, "__symbols__", true). */
    void symbols() {
        if (!anyLabel(tree.root())) {
            return;
        }
        Node symbols = rootChild("__symbols__");
        addSymbols(symbols, tree.root());
    }

    private static boolean anyLabel(Node node) {
        if (!node.labels().all().isEmpty()) {
            return true;
        }
        for (Node c : node.liveChildren()) {
            if (anyLabel(c)) {
                return true;
            }
        }
        return false;
    }

    private void addSymbols(Node symbols, Node node) {
        if (!node.labels().all().isEmpty()) {
            for (Label l : node.labels().all()) {
                if (l.isDeleted()) {
                    continue;
                }
                if (symbols.property(l.name()) != null) {
                    diagnostics.add(new Diagnostic(Severity.WARNING, node.pos(),
                            "label " + l.name() + " already exists in /__symbols__", null));
                    continue;
                }
                symbols.addProperty(new Property(l.name(), PropertyValue.ofString(node.path()), node.pos()));
            }
            phandles.phandleOf(node);
        }
        for (Node c : node.liveChildren()) {
            addSymbols(symbols, c);
        }
    }

    /** dtc's generate_fixups_tree and generate_local_fixups_tree, in that order. */
    void overlayFixups() {
        if (anyReference(tree.root(), false)) {
            Node fixups = rootChild("__fixups__");
            addFixups(fixups, tree.root());
        }
        if (anyReference(tree.root(), true)) {
            Node local = rootChild("__local_fixups__");
            addLocalFixups(local, tree.root());
        }
    }

    private boolean anyReference(Node node, boolean resolved) {
        for (Property p : node.liveProperties()) {
            for (Marker m : p.value().markers()) {
                if (m.type() == MarkerType.REF_PHANDLE && (refs.resolve(m.ref()) != null) == resolved) {
                    return true;
                }
            }
        }
        for (Node c : node.liveChildren()) {
            if (anyReference(c, resolved)) {
                return true;
            }
        }
        return false;
    }

    private void addFixups(Node fixups, Node node) {
        for (Property p : node.liveProperties()) {
            for (Marker m : p.value().markers()) {
                if (m.type() == MarkerType.REF_PHANDLE && refs.resolve(m.ref()) == null) {
                    String entry = node.path() + ":" + p.name() + ":" + m.offset();
                    append(fixups, m.ref(), PropertyValue.ofString(entry), node);
                }
            }
        }
        for (Node c : node.liveChildren()) {
            addFixups(fixups, c);
        }
    }

    private void addLocalFixups(Node local, Node node) {
        for (Property p : node.liveProperties()) {
            for (Marker m : p.value().markers()) {
                if (m.type() == MarkerType.REF_PHANDLE && refs.resolve(m.ref()) != null) {
                    append(mirror(local, node), p.name(), PropertyValue.ofCells(m.offset()), node);
                }
            }
        }
        for (Node c : node.liveChildren()) {
            addLocalFixups(local, c);
        }
    }

    /** The node below {@code local} at the same path as {@code node} has below the root. */
    private static Node mirror(Node local, Node node) {
        if (node.isRoot()) {
            return local;
        }
        Node parent = mirror(local, node.parent());
        Node existing = parent.child(node.name());
        if (existing == null) {
            existing = new Node(node.name(), node.pos());
            parent.addChild(existing);
        }
        return existing;
    }

    private static void append(Node into, String name, PropertyValue v, Node origin) {
        Property existing = into.property(name);
        if (existing == null) {
            into.addProperty(new Property(name, v, origin.pos()));
        } else {
            existing.setValue(new PropertyValue.Builder().append(existing.value()).append(v).build());
        }
    }

    private Node rootChild(String name) {
        Node existing = tree.root().child(name);
        if (existing != null) {
            return existing;
        }
        Node created = new Node(name, tree.root().pos());
        created.setGenerated(true);
        tree.root().addChild(created);
        return created;
    }
}
