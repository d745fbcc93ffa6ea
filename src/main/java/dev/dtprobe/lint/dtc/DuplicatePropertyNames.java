package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.List;

/**
 * dtc's {@code duplicate_property_names}. As in dtc the finding sits on the earlier property,
 * once per later namesake.
 */
public final class DuplicatePropertyNames extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("duplicate_property_names", RuleLevel.ERROR)
            .summary("no two properties of a node have the same name")
            .description("A property set twice inside one node body is an error (dtc refuses the tree); "
                    + "setting it again in a later block (for example '&label { ... }') replaces the "
                    + "value and is fine.")
            .example("/ { uart { status = \"okay\"; status = \"disabled\"; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        List<Property> props = node.liveProperties();
        for (int i = 0; i < props.size(); i++) {
            for (int j = i + 1; j < props.size(); j++) {
                if (props.get(i).name().equals(props.get(j).name())) {
                    ctx.report(node, props.get(i), "Duplicate property name");
                }
            }
        }
    }
}
