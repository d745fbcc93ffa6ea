package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dtc adds /__symbols__ (-@) and an overlay's /__fixups__ and /__local_fixups__ after its
 * checks, so none of its checks sees them; neither may lint (always_fail reports every node it
 * visits, the strict name checks would object to the underscores).
 */
class GeneratedNodesTest {
    private static final String OVERLAY = "/dts-v1/;\n/plugin/;\n&ext { a: x_y { clocks = <&c 1>; p = <&a>; }; };\n"
            + "/ { l_b: n { q = <&l_b>; status = <1>; }; };\n";
    private static final List<String> CHECKS_ON = List.of("node_name_chars_strict", "property_name_chars_strict",
            "always_fail");

    private static List<String> lint(boolean symbols) {
        LoadedTree t = new TreeLoader(new LoadOptions(List.of(), List.of(), List.of(), symbols, null)).forced(true)
                .loadDts("t.dts", OVERLAY);
        RuleLevels levels = new RuleLevels(new RuleSet(DtcRules.all()));
        CHECKS_ON.forEach(c -> levels.setDtcStyle(c, RuleLevel.WARNING));
        return new Linter(levels).lint(new LintContext(t.tree(), "t.dts", null, t.warnings())).stream()
                .map(f -> f.ruleId().replace('-', '_') + " " + f.location() + ": " + f.message()).toList();
    }

    @Test
    void generatedNodesAreNotLinted() {
        List<String> expected = List.of("status_is_string /n:status: property is not a string",
                "node_name_chars_strict /fragment@0/__overlay__: Character '_' not recommended in node name",
                "node_name_chars_strict /fragment@0/__overlay__/x_y: Character '_' not recommended in node name",
                "always_fail /: always_fail check", "always_fail /fragment@0: always_fail check",
                "always_fail /fragment@0/__overlay__: always_fail check",
                "always_fail /fragment@0/__overlay__/x_y: always_fail check", "always_fail /n: always_fail check");
        assertEquals(expected, lint(false));
        assertEquals(expected, lint(true));
    }

    @Test
    void sameAsDtcWithSymbols() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        String[] flags = {"-@", "-Wnode_name_chars_strict", "-Wproperty_name_chars_strict", "-Walways_fail"};
        List<String> dtc = DtcOracle.compile(OVERLAY, flags).stream()
                .map(m -> m.check() + " " + m.location() + ": " + m.text()).toList();
        assertEquals(dtc, lint(true));
    }
}
