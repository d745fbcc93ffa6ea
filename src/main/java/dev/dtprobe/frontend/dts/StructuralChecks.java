package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Label;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that dtc treats as errors before it writes any output (duplicate names, bad name
 * characters, duplicate labels). dtc refuses to compile a tree that fails them, so the compiler
 * runs them itself; the lint layer reports the rest of dtc's checks.
 */
final class StructuralChecks {
    private final List<Diagnostic> out;
    private final Map<String, Object> labelOwners = new HashMap<>();

    private StructuralChecks(List<Diagnostic> out) {
        this.out = out;
    }

    static void run(DeviceTree tree, List<Diagnostic> out) {
        new StructuralChecks(out).walk(tree.root());
    }

    private void walk(Node node) {
        checkNode(node);
        for (Node c : node.children()) {
            if (!c.isDeleted()) {
                walk(c);
            }
        }
    }

    private void checkNode(Node node) {
        Set<String> childNames = new HashSet<>();
        for (Node c : node.children()) {
            if (!c.isDeleted() && !childNames.add(c.name())) {
                error(c.pos(), c.path(), "duplicate_node_names", "Duplicate node name");
            }
        }
        Set<String> propNames = new HashSet<>();
        for (Property p : node.properties()) {
            if (!p.isDeleted() && !propNames.add(p.name())) {
                error(p.pos(), node.path(), "duplicate_property_names", "Duplicate property name " + p.name());
            }
        }
        if (!node.isRoot()) {
            checkNodeName(node);
        }
        for (Property p : node.properties()) {
            if (!p.isDeleted()) {
                checkPropertyName(node, p);
            }
        }
        for (Label l : node.labels().all()) {
            if (!l.isDeleted()) {
                claimLabel(l.name(), node, l.pos(), node.path());
            }
        }
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            for (Label l : p.labels().all()) {
                if (!l.isDeleted()) {
                    claimLabel(l.name(), p, l.pos(), node.path() + ":" + p.name());
                }
            }
            for (Marker m : p.value().markers()) {
                if (m.type() == MarkerType.LABEL) {
                    claimLabel(m.ref(), m, p.pos(), node.path() + ":" + p.name());
                }
            }
        }
    }

    private void checkNodeName(Node node) {
        String name = node.name();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAlnum(c) || c == ',' || c == '.' || c == '_' || c == '+' || c == '-' || c == '@')) {
                error(node.pos(), node.path(), "node_name_chars", "Bad character '" + c + "' in node name");
                break;
            }
        }
        if (name.indexOf('@') != name.lastIndexOf('@')) {
            error(node.pos(), node.path(), "node_name_format", "multiple '@' characters in node name");
        }
    }

    private void checkPropertyName(Node node, Property p) {
        String name = p.name();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAlnum(c) || c == ',' || c == '.' || c == '_' || c == '+' || c == '*' || c == '#'
                    || c == '?' || c == '-')) {
                error(p.pos(), node.path(), "property_name_chars",
                        "Bad character '" + c + "' in property name");
                break;
            }
        }
    }

    private void claimLabel(String label, Object owner, SourcePos pos, String where) {
        Object previous = labelOwners.putIfAbsent(label, owner);
        if (previous != null && previous != owner) {
            error(pos, where, "duplicate_label", "Duplicate label '" + label + "'");
        }
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private void error(SourcePos pos, String where, String check, String message) {
        out.add(new Diagnostic(Severity.ERROR, pos, where + ": " + message, check));
    }
}
