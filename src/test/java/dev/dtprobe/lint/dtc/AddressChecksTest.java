package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.testutil.LintFixture;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

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
            if (SILENT.contains(r.id())) {
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
        List<String> aliases = DtcRules.all().stream().map(r -> r.info().aliases().get(0)).collect(Collectors.toList());
        assertEquals(List.of("addr_size_cells", "reg_format", "ranges_format", "dma_ranges_format",
                "unit_address_vs_reg", "unit_address_format", "pci_bridge", "pci_device_reg", "pci_device_bus_num",
                "simple_bus_bridge", "simple_bus_reg", "i2c_bus_bridge", "i2c_bus_reg", "spi_bus_bridge",
                "spi_bus_reg", "avoid_default_addr_size", "avoid_unnecessary_addr_size", "unique_unit_address",
                "unique_unit_address_if_enabled", "graph_nodes", "graph_child_address", "graph_port",
                "graph_endpoint"), aliases);
        for (LintRule r : DtcRules.all()) {
            assertEquals(r.info().aliases().get(0).replace('_', '-'), r.id());
        }
    }

    @Test
    void everyReportingRulesDocumentedExampleTriggersIt() {
        for (LintRule r : DtcRules.all()) {
            if (!SILENT.contains(r.id())) {
                List<String> lines = LintFixture.only(r.id(), r.info().example()).lines();
                assertTrue(!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith(r.id() + " /")),
                        r.id() + "'s example gives " + lines);
            }
        }
    }
}
