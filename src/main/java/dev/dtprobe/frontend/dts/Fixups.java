package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The checks of dtc that change the tree, run in dtc's table order: the redundant {@code name}
 * property is dropped, explicit phandles are recorded, phandle and path references are
 * resolved (allocating phandles in dtc's order), and unreferenced {@code /omit-if-no-ref/}
 * nodes are deleted. Failures are reported as diagnostics with dtc's check names.
 */
final class Fixups {
    private final DeviceTree tree;
    private final References refs;
    private final PhandleAllocator phandles;
    private final boolean symbols;
    private final List<Diagnostic> diagnostics;

    Fixups(DeviceTree tree, References refs, PhandleAllocator phandles, boolean symbols,
            List<Diagnostic> diagnostics) {
        this.tree = tree;
        this.refs = refs;
        this.phandles = phandles;
        this.symbols = symbols;
        this.diagnostics = diagnostics;
    }

    void run() {
        forEachLive(tree.root(), this::nameProperty);
        forEachLive(tree.root(), this::explicitPhandles);
        phandles.indexExisting(tree.root());
        forEachLive(tree.root(), this::phandleReferences);
        forEachLive(tree.root(), this::pathReferences);
        forEachLive(tree.root(), this::omitUnused);
    }

    private interface NodeVisitor {
        void visit(Node node);
    }

    /** dtc's check walk: the node, then its live children; a node deleted meanwhile stops. */
    private static void forEachLive(Node node, NodeVisitor v) {
        v.visit(node);
        if (node.isDeleted()) {
            return;
        }
        for (Node c : node.children()) {
            if (!c.isDeleted()) {
                forEachLive(c, v);
            }
        }
    }

    private void nameProperty(Node node) {
        Property name = node.property("name");
        if (name == null) {
            return;
        }
        byte[] v = name.value().bytesUnsafe();
        byte[] base = node.baseName().getBytes(StandardCharsets.ISO_8859_1);
        boolean same = v.length == base.length + 1;
        for (int i = 0; same && i < base.length; i++) {
            same = v[i] == base[i];
        }
        if (same) {
            node.removeProperty(name);
        } else {
            error(node, name, "name_properties", "\"name\" property is incorrect (\""
                    + name.value().firstString() + "\" instead of base node name)");
        }
    }

    private void explicitPhandles(Node node) {
        long phandle = phandleProperty(node, "phandle");
        long linux = phandleProperty(node, "linux,phandle");
        if (phandle == 0 && linux == 0) {
            return;
        }
        if (linux != 0 && phandle != 0 && phandle != linux) {
            error(node, null, "explicit_phandles", "mismatching 'phandle' and 'linux,phandle' properties");
        }
        if (phandle == 0) {
            phandle = linux;
        }
        Node other = tree.nodeByPhandle(phandle);
        if (other != null && other != node) {
            error(node, null, "explicit_phandles", String.format("duplicated phandle 0x%x (seen before at %s)",
                    phandle, other.path()));
            return;
        }
        node.setPhandle(phandle);
    }

    private long phandleProperty(Node node, String name) {
        Property prop = node.property(name);
        if (prop == null) {
            return 0;
        }
        PropertyValue v = prop.value();
        if (v.length() != 4) {
            error(node, prop, "explicit_phandles", "bad length (" + v.length() + ") " + name + " property");
            return 0;
        }
        for (Marker m : v.markers()) {
            if (m.type() == MarkerType.REF_PHANDLE) {
                if (refs.resolve(m.ref()) != node) {
                    error(node, prop, "explicit_phandles", name + " is a reference to another node");
                }
                // a reference to itself means "allocate one for me", done by the reference fix-up
                return 0;
            }
        }
        long value = v.cellAt(0);
        if (!PhandleAllocator.isValid(value)) {
            error(node, prop, "explicit_phandles", String.format("bad value (0x%x) in %s property", value, name));
            return 0;
        }
        return value;
    }

    private void phandleReferences(Node node) {
        // indexed: allocating a phandle for this very node appends to its property list
        for (int p = 0; p < node.properties().size(); p++) {
            Property prop = node.properties().get(p);
            if (prop.isDeleted() || !prop.value().hasMarkers(MarkerType.REF_PHANDLE)) {
                continue;
            }
            PropertyValue value = prop.value();
            byte[] bytes = value.bytes();
            for (Marker m : value.markers()) {
                if (m.type() != MarkerType.REF_PHANDLE) {
                    continue;
                }
                Node target = refs.resolve(m.ref());
                long phandle;
                if (target == null) {
                    if (!tree.isPlugin()) {
                        error(node, prop, "phandle_references",
                                "Reference to non-existent node or label \"" + m.ref() + "\"");
                    }
                    phandle = 0xffffffffL;
                } else {
                    phandle = phandles.phandleOf(target);
                    target.setReferenced(true);
                }
                PropertyValue.putCell(bytes, m.offset(), phandle);
            }
            prop.setValue(new PropertyValue(bytes, value.markers()));
        }
    }

    private void pathReferences(Node node) {
        for (Property prop : node.properties()) {
            if (prop.isDeleted() || !prop.value().hasMarkers(MarkerType.REF_PATH)) {
                continue;
            }
            PropertyValue value = prop.value();
            // markers move as paths are spliced in, so walk them by index in the current value
            for (int i = 0; i < value.markers().size(); i++) {
                Marker m = value.markers().get(i);
                if (m.type() != MarkerType.REF_PATH) {
                    continue;
                }
                Node target = refs.resolve(m.ref());
                if (target == null) {
                    error(node, prop, "path_references",
                            "Reference to non-existent node or label \"" + m.ref() + "\"");
                    continue;
                }
                byte[] path = target.path().getBytes(StandardCharsets.ISO_8859_1);
                byte[] withNul = java.util.Arrays.copyOf(path, path.length + 1);
                value = value.withInsertionAtMarker(i, withNul);
                target.setReferenced(true);
            }
            prop.setValue(value);
        }
    }

    private void omitUnused(Node node) {
        if (symbols && !node.labels().all().isEmpty()) {
            return;
        }
        if (node.isOmitIfNoRef() && !node.isReferenced()) {
            node.deleteRecursively();
        }
    }

    private void error(Node node, Property prop, String check, String message) {
        String where = prop == null ? node.path() : node.path() + ":" + prop.name();
        diagnostics.add(new Diagnostic(Severity.ERROR, prop == null ? node.pos() : prop.pos(),
                where + ": " + message, check));
    }

}
