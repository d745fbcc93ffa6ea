package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code simple_bus_bridge}: tags nodes compatible with {@code simple-bus}
 * ({@link BusKinds#isSimpleBus}) and reports nothing.
 */
public final class SimpleBusBridge extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("simple-bus-bridge", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("Marks nodes compatible with \"simple-bus\" as simple buses (reports nothing itself)")
            .description("dtc's simple_bus_bridge tags nodes whose compatible list contains \"simple-bus\"; "
                    + "simple-bus-reg then checks their children and unit-address-format leaves them alone. "
                    + "It never reports; it is a rule so that dtc's flags and prerequisites work.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>; ranges; };\n};")
            .aliases("simple_bus_bridge")
            .prerequisites("addr-size-cells", "compatible-is-string-list")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
