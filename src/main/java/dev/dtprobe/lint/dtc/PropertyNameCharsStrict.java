package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code property_name_chars_strict} (off by default; the kernel's W=2 turns it on). */
public final class PropertyNameCharsStrict extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("property_name_chars_strict", RuleLevel.OFF)
            .summary("property names use only letters, digits, ',' and '-' ('#' only in front)")
            .description("The recommended style for property names: letters, digits, ',' and '-', with "
                    + "'#' allowed only at the start or right after the vendor prefix ('#foo-cells', "
                    + "'vendor,#foo-cells'). 'device_type' is accepted for history's sake.")
            .example("/ { dev { my_prop = <1>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        for (Property p : node.liveProperties()) {
            String name = p.name();
            int n = NameChars.span(name, NameChars.STRICT);
            if (n == name.length() || name.equals("device_type")) {
                continue;
            }
            if (name.charAt(n) == '#' && (n == 0 || name.charAt(n - 1) == ',')) {
                name = name.substring(n + 1);
                n = NameChars.span(name, NameChars.STRICT);
            }
            if (n < name.length()) {
                ctx.report(node, p, "Character '" + name.charAt(n) + "' not recommended in property name");
            }
        }
    }
}
