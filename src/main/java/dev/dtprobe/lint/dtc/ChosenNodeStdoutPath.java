package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code chosen_node_stdout_path}. */
public final class ChosenNodeStdoutPath extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("chosen_node_stdout_path", RuleLevel.WARNING)
            .summary("/chosen uses 'stdout-path' (not 'linux,stdout-path') and it is a string")
            .description("'stdout-path' names the console device (a path or alias, optionally with ':options'). "
                    + "The older 'linux,stdout-path' is reported when used instead; either must be one string.")
            .example("/ { chosen { linux,stdout-path = \"/uart@1000\"; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!node.name().equals("chosen")) {
            return;
        }
        Property prop = node.property("stdout-path");
        if (prop == null) {
            prop = node.property("linux,stdout-path");
            if (prop == null) {
                return;
            }
            ctx.report(node, prop, "Use 'stdout-path' instead");
        }
        OneStringCheck.check(node, prop, ctx);
    }
}
