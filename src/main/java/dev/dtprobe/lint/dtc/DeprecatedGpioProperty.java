package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** dtc's {@code deprecated_gpio_property} (off by default). */
public final class DeprecatedGpioProperty extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("deprecated_gpio_property", RuleLevel.OFF)
            .summary("GPIO properties are named '*-gpios', not '*-gpio'")
            .description("The singular forms 'gpio' and '*-gpio' are deprecated in favour of 'gpios' and "
                    + "'*-gpios' (the kernel still reads both).")
            .example("/ { led { enable-gpio = <0>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        for (Property p : node.liveProperties()) {
            if (GpioProperties.isGpio(p.name()) && p.name().endsWith("gpio")) {
                ctx.report(node, p, "'[*-]gpio' is deprecated, use '[*-]gpios' instead");
            }
        }
    }
}
