package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Label;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.HashMap;
import java.util.Map;

/**
 * Where dtc finds a label for one lint run: like get_node_by_label, get_property_by_label and
 * get_marker_label, node labels are searched first over the whole tree, then property labels,
 * then labels inside values; the first owner in tree order wins.
 */
final class LabelOwners {
    /** A label's owner: a node, a property of it, or a value label inside that property. */
    record Owner(Node node, Property property, Marker marker) {
        boolean isSameAs(Node n, Property p, Marker m) {
            return node == n && property == p && marker == m;
        }

        /** dtc's DESCLABEL text: {@code /n}, {@code 'p' in /n} or {@code value of 'p' in /n}. */
        String describe() {
            return describe(node, property, marker);
        }

        static String describe(Node n, Property p, Marker m) {
            return (m != null ? "value of " : "") + (p != null ? "'" + p.name() + "' in " : "") + n.path();
        }
    }

    private final Map<String, Owner> nodeLabels = new HashMap<>();
    private final Map<String, Owner> propertyLabels = new HashMap<>();
    private final Map<String, Owner> valueLabels = new HashMap<>();

    private LabelOwners(LintContext ctx) {
        ctx.tree().forEachLiveNode(this::index);
    }

    static LabelOwners of(LintContext ctx) {
        return ctx.shared(LabelOwners.class, LabelOwners::new);
    }

    /** The owner dtc's lookups return for {@code label}. */
    Owner find(String label) {
        Owner o = nodeLabels.get(label);
        if (o == null) {
            o = propertyLabels.get(label);
        }
        return o != null ? o : valueLabels.get(label);
    }

    private void index(Node node) {
        for (Label l : node.labels().all()) {
            if (!l.isDeleted()) {
                nodeLabels.putIfAbsent(l.name(), new Owner(node, null, null));
            }
        }
        for (Property p : node.liveProperties()) {
            for (Label l : p.labels().all()) {
                if (!l.isDeleted()) {
                    propertyLabels.putIfAbsent(l.name(), new Owner(node, p, null));
                }
            }
            for (Marker m : p.value().markers()) {
                if (m.type() == MarkerType.LABEL) {
                    valueLabels.putIfAbsent(m.ref(), new Owner(node, p, m));
                }
            }
        }
    }
}
