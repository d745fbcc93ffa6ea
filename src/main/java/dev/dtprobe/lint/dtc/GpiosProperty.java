package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code gpios_property}: GPIO lists checked against the controllers' {@code #gpio-cells}. */
public final class GpiosProperty extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("gpios_property", RuleLevel.WARNING)
            .summary("'*-gpios' entries are a phandle plus the controller's #gpio-cells arguments")
            .description("Every 'gpios', 'gpio', '*-gpios' and '*-gpio' property (not '*,nr-gpios') is a list "
                    + "of <&controller arg...> entries with as many argument cells as the controller's "
                    + "'#gpio-cells'. Nodes with 'gpio-hog' are skipped: their 'gpios' has no phandles.")
            .example("/ { gpio: gpio { #gpio-cells = <2>; }; led { enable-gpios = <&gpio 5>; }; };")
            .prerequisites("phandle-references")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (node.property("gpio-hog") != null) {
            return;
        }
        for (Property p : node.liveProperties()) {
            if (GpioProperties.isGpio(p.name())) {
                PhandleArgsCheck.check(node, p, "#gpio-cells", false, ctx);
            }
        }
    }
}
