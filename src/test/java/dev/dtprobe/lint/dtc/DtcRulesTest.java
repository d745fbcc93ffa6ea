package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.testutil.LintFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every dtc rule on its positive and negative snippets ({@link DtcRuleCases}), and the table itself. */
class DtcRulesTest {

    @TestFactory
    Stream<DynamicTest> eachSnippetGivesDtcsFindings() {
        return DtcRuleCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            List<String> expected = c.expected().stream().map(l -> c.rule() + " " + l).toList();
            assertEquals(expected, LintFixture.only(c.rule(), c.dts()).lines());
        }));
    }

    @Test
    void everyRuleHasAPositiveAndANegativeSnippet() {
        Set<String> positive = new TreeSet<>();
        Set<String> negative = new TreeSet<>();
        for (DtcRuleCases.Case c : DtcRuleCases.all()) {
            (c.positive() ? positive : negative).add(c.rule());
        }
        negative.add("always-fail"); // fails on every node by definition; see alwaysFailIsOffByDefault
        Set<String> ids = thisGroup().map(LintRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ids, positive, "rules with a positive snippet");
        assertEquals(ids, negative, "rules with a negative snippet");
    }

    @Test
    void alwaysFailIsOffByDefault() {
        assertTrue(LintFixture.of("/ { a { }; };").lines().stream().noneMatch(l -> l.startsWith("always-fail")));
    }

    /** Each rule's documented example really triggers it. */
    @TestFactory
    Stream<DynamicTest> everyExampleTriggersItsRule() {
        return thisGroup().map(r -> DynamicTest.dynamicTest(r.id(), () -> {
            String example = r.info().example();
            assertTrue(example.startsWith("/ {"), r.id() + " example is a whole tree: " + example);
            List<String> lines = LintFixture.only(r.id(), example).lines();
            assertFalse(lines.isEmpty(), r.id() + " example is quiet: " + example);
        }));
    }

    /**
     * dtc 1.6.1's whole check_table in order: dtc name, default level, prerequisites (dtc names);
     * the 16 phandle-list pairs stand in one row. Rules must appear in this order, with these
     * levels and prerequisites. graph_child_address has only graph_nodes as prerequisite in
     * 1.6.1 (later dtc adds graph_port and graph_endpoint); 1.6.1's own output shows it.
     */
    private static final List<String> TABLE = List.of(
            "duplicate_node_names ERROR", "duplicate_property_names ERROR", "node_name_chars ERROR",
            "node_name_format ERROR node_name_chars", "property_name_chars ERROR", "name_is_string ERROR",
            "name_properties ERROR name_is_string", "node_name_vs_property_name WARNING node_name_chars",
            "duplicate_label ERROR", "explicit_phandles ERROR",
            "phandle_references ERROR duplicate_node_names explicit_phandles",
            "path_references ERROR duplicate_node_names",
            "omit_unused_nodes ERROR phandle_references path_references",
            "address_cells_is_cell WARNING", "size_cells_is_cell WARNING", "device_type_is_string WARNING",
            "model_is_string WARNING", "status_is_string WARNING", "label_is_string WARNING",
            "compatible_is_string_list WARNING", "names_is_string_list WARNING",
            "property_name_chars_strict OFF", "node_name_chars_strict OFF",
            "addr_size_cells WARNING address_cells_is_cell size_cells_is_cell",
            "reg_format WARNING addr_size_cells", "ranges_format WARNING addr_size_cells",
            "dma_ranges_format WARNING addr_size_cells", "unit_address_vs_reg WARNING",
            "unit_address_format WARNING node_name_format pci_bridge simple_bus_bridge",
            "pci_bridge WARNING device_type_is_string addr_size_cells",
            "pci_device_reg WARNING reg_format pci_bridge", "pci_device_bus_num WARNING reg_format pci_bridge",
            "simple_bus_bridge WARNING addr_size_cells compatible_is_string_list",
            "simple_bus_reg WARNING reg_format simple_bus_bridge", "i2c_bus_bridge WARNING addr_size_cells",
            "i2c_bus_reg WARNING reg_format i2c_bus_bridge", "spi_bus_bridge WARNING addr_size_cells",
            "spi_bus_reg WARNING reg_format spi_bus_bridge", "avoid_default_addr_size WARNING addr_size_cells",
            "avoid_unnecessary_addr_size WARNING avoid_default_addr_size",
            "unique_unit_address WARNING avoid_default_addr_size",
            "unique_unit_address_if_enabled OFF avoid_default_addr_size",
            "obsolete_chosen_interrupt_controller WARNING", "chosen_node_is_root WARNING",
            "chosen_node_bootargs WARNING", "chosen_node_stdout_path WARNING",
            "PHANDLE_PAIRS",
            "deprecated_gpio_property OFF", "gpios_property WARNING phandle_references",
            "interrupts_property WARNING", "interrupt_provider WARNING", "alias_paths WARNING",
            "graph_nodes WARNING", "graph_child_address WARNING graph_nodes",
            "graph_port WARNING graph_nodes", "graph_endpoint WARNING graph_nodes",
            "always_fail OFF");

    private static final List<String> PAIRS = List.of("clocks", "cooling_device", "dmas", "hwlocks",
            "interrupts_extended", "io_channels", "iommus", "mboxes", "msi_parent", "mux_controls", "phys",
            "power_domains", "pwms", "resets", "sound_dai", "thermal_sensors");

    /** The checks that belong to the address/bus/graph group (another branch). */
    private static final Set<String> OTHER_GROUP = Set.of("addr_size_cells", "reg_format", "ranges_format",
            "dma_ranges_format", "unit_address_vs_reg", "unit_address_format", "pci_bridge", "pci_device_reg",
            "pci_device_bus_num", "simple_bus_bridge", "simple_bus_reg", "i2c_bus_bridge", "i2c_bus_reg",
            "spi_bus_bridge", "spi_bus_reg", "avoid_default_addr_size", "avoid_unnecessary_addr_size",
            "unique_unit_address", "unique_unit_address_if_enabled", "graph_nodes", "graph_child_address",
            "graph_port", "graph_endpoint");

    /**
     * The rules these snippets cover; the address, bus and graph checks have their own cases and
     * example test in {@link AddressChecksTest} (three of them only tag nodes and never report).
     */
    private static Stream<LintRule> thisGroup() {
        return DtcRules.all().stream().filter(r -> !OTHER_GROUP.contains(r.info().aliases().get(0)));
    }

    private static List<String> dtcTable() {
        List<String> rows = new ArrayList<>();
        for (String row : TABLE) {
            if (row.equals("PHANDLE_PAIRS")) {
                for (String p : PAIRS) {
                    rows.add(p + "_property WARNING " + p + "_is_cell phandle_references");
                    rows.add(p + "_is_cell WARNING");
                }
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void rulesFollowDtcsCheckTable() {
        List<String> table = dtcTable();
        assertEquals(88, table.size(), "dtc 1.6.1 has 88 checks");
        List<String> actual = new ArrayList<>();
        for (LintRule r : DtcRules.all()) {
            RuleInfo info = r.info();
            assertEquals(RuleCategory.DTC, info.category(), r.id());
            assertEquals(List.of(info.id().replace('-', '_')), info.aliases(), r.id());
            assertFalse(info.description().isBlank(), r.id());
            StringBuilder row = new StringBuilder(info.aliases().get(0)).append(' ').append(info.defaultLevel());
            info.prerequisites().forEach(p -> row.append(' ').append(p.replace('-', '_')));
            actual.add(row.toString());
        }
        // registered rules appear in table order, with dtc's level and prerequisites
        List<String> expected = table.stream().filter(actual::contains).toList();
        assertEquals(expected, actual);
        // and this group is complete
        List<String> group = table.stream().filter(row -> !OTHER_GROUP.contains(row.split(" ")[0])).toList();
        assertTrue(actual.containsAll(group), "missing: " + group.stream().filter(g -> !actual.contains(g)).toList());
        // dtc 1.6.1: 12 ERROR, 71 WARNING, 5 off; of these 22 warnings and 1 off check are address/bus/graph ones
        assertEquals(Map.of(RuleLevel.ERROR, 12L, RuleLevel.WARNING, 49L, RuleLevel.OFF, 4L),
                group.stream().collect(Collectors.groupingBy(row -> RuleLevel.valueOf(row.split(" ")[1]),
                        Collectors.counting())));
    }

    /**
     * dtc runs the name checks before it deletes unreferenced /omit-if-no-ref/ nodes, but the
     * front end has already deleted them; what lint sees is the tree dtc writes out.
     */
    @Test
    void unreferencedOmitIfNoRefNodesAreNotLinted() {
        assertEquals(List.of(), LintFixture.only("node-name-vs-property-name",
                "/ { foo = <1>; /omit-if-no-ref/ foo { }; };").lines());
        assertEquals(List.of("node-name-vs-property-name /foo: node name and property name conflict"),
                LintFixture.only("node-name-vs-property-name",
                        "/ { foo = <1>; l: /omit-if-no-ref/ foo { }; x { p = <&l>; }; };").lines());
    }
}
