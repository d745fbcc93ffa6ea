package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * dtc's {@code name_properties}. dtc deletes a correct {@code name} property (the front end
 * already did), so what is left and differs from the base name is reported.
 */
public final class NameProperties extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("name_properties", RuleLevel.ERROR)
            .summary("a 'name' property equals the node's base name")
            .description("A 'name' property must repeat the node's base name (the part before '@'); "
                    + "a correct one is redundant and dtc drops it from the output, a different one "
                    + "is an error.")
            .example("/ { cpu@0 { name = \"core\"; }; };")
            .prerequisites("name-is-string")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        Property name = node.property("name");
        if (name == null) {
            return;
        }
        byte[] base = node.baseName().getBytes(StandardCharsets.UTF_8);
        byte[] value = name.value().bytesUnsafe();
        boolean same = value.length == base.length + 1 && Arrays.equals(value, 0, base.length, base, 0, base.length);
        if (!same) {
            ctx.report(node, "\"name\" property is incorrect (\"" + DtcValues.printed(name.value())
                    + "\" instead of base node name)");
        }
    }
}
