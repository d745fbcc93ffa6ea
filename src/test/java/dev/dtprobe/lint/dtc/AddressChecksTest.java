package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.LintFixture;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each address, bus and graph rule on its positive and negative snippets (texts from dtc 1.6.1). */
class AddressChecksTest {

    /** The rules that report; addr-size-cells, simple-bus-bridge and graph-nodes only tag (see BusKindsTest). */
    private static final Set<String> SILENT = Set.of("addr-size-cells", "simple-bus-bridge", "graph-nodes");

    static Stream<AddressCheckCases.Case> cases() {
        return AddressCheckCases.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ruleAloneGivesDtcsFindings(AddressCheckCases.Case c) {
        // only() runs a rule that is off by default (unique-unit-address-if-enabled) at warning level
        assertEquals(c.expected(), LintFixture.only(c.ruleId(), c.dts()).lines());
    }

    @Test
    void everyReportingRuleHasAPositiveAndANegativeCase() {
        List<AddressCheckCases.Case> all = AddressCheckCases.all();
        for (LintRule r : DtcRules.all()) {
            if (SILENT.contains(r.id()) || !AddressCheckCases.DTC_NAMES.contains(r.info().aliases().get(0))) {
                continue;
            }
            for (AddressCheckCases.Kind kind : AddressCheckCases.Kind.values()) {
                assertTrue(all.stream().anyMatch(c -> c.ruleId().equals(r.id()) && c.kind() == kind
                        && (kind == AddressCheckCases.Kind.NEGATIVE) == c.expected().isEmpty()),
                        r.id() + " lacks a " + kind + " case");
            }
        }
    }

    @Test
    void rulesAreInDtcsCheckTableOrderWithTheirDtcNamesAsAliases() {
        // other dtc checks sit between these in DtcRules; ours keep check_table's relative order
        List<String> ours = DtcRules.all().stream().map(r -> r.info().aliases().get(0))
                .filter(AddressCheckCases.DTC_NAMES::contains).collect(Collectors.toList());
        assertEquals(AddressCheckCases.DTC_NAMES, ours);
        for (String name : AddressCheckCases.DTC_NAMES) {
            assertEquals(name.replace('_', '-'), RuleSet.builtin().find(name).id());
        }
    }

    @Test
    void everyReportingRulesDocumentedExampleTriggersIt() {
        for (LintRule r : DtcRules.all()) {
            if (!SILENT.contains(r.id()) && AddressCheckCases.DTC_NAMES.contains(r.info().aliases().get(0))) {
                List<String> lines = LintFixture.only(r.id(), r.info().example()).lines();
                assertTrue(!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith(r.id() + " /")),
                        r.id() + "'s example gives " + lines);
            }
        }
    }
}
