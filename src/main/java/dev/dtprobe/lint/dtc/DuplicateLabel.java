package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Label;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc's {@code duplicate_label}, computed from the tree: each label occurrence is compared with
 * the owner dtc's lookups would find ({@link LabelOwners}); the finding is always on the node.
 */
public final class DuplicateLabel extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("duplicate_label", RuleLevel.ERROR)
            .summary("every label names one node, property or value position")
            .description("Node labels, property labels and labels inside values share one namespace; "
                    + "a label used twice makes '&label' ambiguous. Repeating a label on the same "
                    + "node (for example in a later '&label { ... }' block) is fine.")
            .example("/ { uart0: serial@1000 { }; uart0: serial@2000 { }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        LabelOwners owners = LabelOwners.of(ctx);
        for (Label l : node.labels().all()) {
            if (!l.isDeleted()) {
                check(l.name(), node, null, null, owners, ctx);
            }
        }
        for (Property p : node.liveProperties()) {
            for (Label l : p.labels().all()) {
                if (!l.isDeleted()) {
                    check(l.name(), node, p, null, owners, ctx);
                }
            }
            for (Marker m : p.value().markers()) {
                if (m.type() == MarkerType.LABEL) {
                    check(m.ref(), node, p, m, owners, ctx);
                }
            }
        }
    }

    private static void check(String label, Node node, Property p, Marker m, LabelOwners owners, LintContext ctx) {
        LabelOwners.Owner other = owners.find(label);
        if (other != null && !other.isSameAs(node, p, m)) {
            ctx.report(node, "Duplicate label '" + label + "' on " + LabelOwners.Owner.describe(node, p, m)
                    + " and " + other.describe());
        }
    }
}
