package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.dtc.BusKinds.Bus;
import dev.dtprobe.lint.dtc.BusKinds.Stage;
import dev.dtprobe.testutil.LintFixture;
import dev.dtprobe.tree.DeviceTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that only tag or cache (addr-size-cells, simple-bus-bridge, graph-nodes, and the
 * tagging half of the bridge checks): what they record, per stage of dtc's check order, and that
 * they report nothing. The stage-by-stage tags were confirmed against dtc 1.6.1 with the
 * "mixed" snippets of {@link AddressCheckCases}.
 */
class BusKindsTest {
    static final String TREE = "/ { #address-cells = <1>; #size-cells = <1>;\n"
            + "  soc { compatible = \"vendor,soc\", \"simple-bus\"; #address-cells = <1>; #size-cells = <1>; ranges; };\n"
            + "  notbus { compatible = \"simple-bus-like\"; };\n"
            + "  i2c@1000 { compatible = \"simple-bus\"; reg = <0x1000 4>; #address-cells = <1>; #size-cells = <0>; };\n"
            + "  pcie@2000 { device_type = \"pci\"; reg = <0x2000 4>; };\n"
            + "  ctrl@3000 { reg = <0x3000 4>; #address-cells = <1>; #size-cells = <0>;\n"
            + "    flash@0 { reg = <0>; spi-max-frequency = <1>; }; };\n"
            + "  spi0@4000 { reg = <0x4000 4>; };\n"
            + "  dsi { ports { port@0 { reg = <0>; a: endpoint { remote-endpoint = <&a>; }; }; }; };\n"
            + "  hdmi { port@1 { reg = <1>; b: endpoint { remote-endpoint = <&b>; }; }; };\n"
            + "  lvds { link { remote-endpoint = <&c>; }; c: endpoint { }; };\n"
            + "  i2c@5000 { reg = <0x5000 4>; #address-cells = <1>; #size-cells = <0>;\n"
            + "    port@0 { reg = <0>; d: endpoint { remote-endpoint = <&d>; }; }; };\n"
            + "};";

    private final DeviceTree tree = new TreeLoader(new LoadOptions(List.of(), List.of(), List.of(), false, null))
            .loadDts("t.dts", "/dts-v1/;\n" + TREE).tree();
    private final LintContext ctx = new LintContext(tree, "t.dts", null);
    private final BusKinds buses = BusKinds.of(ctx);

    private Bus bus(String path, Stage stage) {
        return buses.busOf(tree.nodeAtPath(path), stage);
    }

    @Test
    void addressCellsCachesDeclaredValuesAndUsesDtcsDefaults() {
        AddressCells cells = AddressCells.of(ctx);
        assertEquals(-1, cells.declaredAddressCells(tree.nodeAtPath("/notbus")));
        assertEquals(-1, cells.declaredSizeCells(tree.nodeAtPath("/notbus")));
        assertEquals(2, cells.addressCells(tree.nodeAtPath("/notbus")));
        assertEquals(1, cells.sizeCells(tree.nodeAtPath("/notbus")));
        assertEquals(0, cells.sizeCells(tree.nodeAtPath("/i2c@1000")));
        assertEquals(cells, AddressCells.of(ctx), "one instance per run");
    }

    @Test
    void simpleBusBridgeTagsAnyCompatibleEntryThatIsExactlySimpleBus() {
        assertEquals(Bus.SIMPLE, bus("/soc", Stage.PCI_AND_SIMPLE_BUS));
        assertEquals(Bus.NONE, bus("/notbus", Stage.GRAPH));
    }

    @Test
    void laterBridgesOverwriteEarlierTagsAsDtcRunsThem() {
        assertEquals(Bus.SIMPLE, bus("/i2c@1000", Stage.PCI_AND_SIMPLE_BUS));
        assertEquals(Bus.I2C, bus("/i2c@1000", Stage.I2C));
        assertEquals(Bus.PCI, bus("/pcie@2000", Stage.PCI_AND_SIMPLE_BUS));
        assertEquals(Bus.NONE, bus("/ctrl@3000", Stage.I2C));
        assertEquals(Bus.SPI, bus("/ctrl@3000", Stage.SPI));
        assertEquals(Bus.NONE, bus("/spi0@4000", Stage.SPI), "base name must be exactly spi");
    }

    @Test
    void graphNodesTagsPortsAndTheirUntaggedParents() {
        assertEquals(Bus.GRAPH_PORT, bus("/dsi/ports/port@0", Stage.GRAPH));
        assertEquals(Bus.GRAPH_PORTS, bus("/dsi/ports", Stage.GRAPH), "named ports");
        assertEquals(Bus.GRAPH_PORTS, bus("/hdmi", Stage.GRAPH), "its port has reg");
        assertEquals(Bus.GRAPH_PORT, bus("/lvds", Stage.GRAPH), "child with remote-endpoint");
        assertEquals(Bus.I2C, bus("/i2c@5000", Stage.GRAPH), "a bus tag is kept");
        assertEquals(Bus.GRAPH_PORT, bus("/i2c@5000/port@0", Stage.GRAPH));
        assertEquals(Bus.NONE, bus("/dsi/ports/port@0", Stage.SPI), "graph tags come last");
    }

    @Test
    void taggingRulesReportNothingThemselves() {
        for (String id : List.of("addr-size-cells", "simple-bus-bridge", "graph-nodes")) {
            assertEquals(List.of(), LintFixture.only(id, TREE).lines(), id);
        }
    }

    @Test
    void theTagsDecideWhatTheDependentRulesCheck() {
        String dts = "/ { #address-cells = <1>; #size-cells = <1>;\n"
                + "  soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>; ranges;\n"
                + "    timer@0x10 { reg = <0x10 4>; }; };\n"
                + "  other { #address-cells = <1>; #size-cells = <1>; ranges; timer@0x10 { reg = <0x10 4>; }; };\n"
                + "};";
        assertEquals(List.of("unit-address-format /other/timer@0x10: unit name should not have leading \"0x\""),
                LintFixture.only("unit-address-format", dts).lines());
        assertEquals(List.of("simple-bus-reg /soc/timer@0x10: simple-bus unit address format error, expected \"10\""),
                LintFixture.only("simple-bus-reg", dts).lines());
    }

    /**
     * dtc skips the addr_size_cells fix-up when any #address-cells is not one cell; the graph
     * checks (which do not depend on it) then read 0 and 0 everywhere. Texts from dtc 1.6.1.
     */
    @Test
    void withoutTheFixUpEveryNodeReadsZeroCells() {
        String dts = "/ { #address-cells = <1>; #size-cells = <1>;\n"
                + "  bad { #address-cells = <1 2>; };\n"
                + "  dsi { port@1 { reg = <1>; a: endpoint { remote-endpoint = <&a>; }; }; };\n"
                + "  hdmi { port { c: endpoint { remote-endpoint = <&c>; }; }; };\n"
                + "};";
        assertEquals(List.of("graph-port /dsi/port@1: graph node '#address-cells' is 0, must be 1"),
                LintFixture.only("graph-port", dts).lines());
        assertEquals(List.of(
                "graph-child-address /dsi/port@1: graph node has single child node 'endpoint', "
                        + "#address-cells/#size-cells are not necessary",
                "graph-child-address /hdmi/port: graph node has single child node 'endpoint', "
                        + "#address-cells/#size-cells are not necessary"),
                LintFixture.only("graph-child-address", dts).lines());
    }

    /** simple_bus_bridge does not run when a compatible anywhere is not a string list: no tag. */
    @Test
    void aBadCompatibleAnywhereLeavesSimpleBusesUntagged() {
        String dts = "/ { #address-cells = <1>; #size-cells = <1>;\n"
                + "  bad { compatible = [61 62]; };\n"
                + "  soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <0>;\n"
                + "    port@0 { reg = <0>; a: endpoint { remote-endpoint = <&a>; }; }; };\n"
                + "};";
        // untagged, soc becomes a graph "ports" node (its port has reg), as in dtc 1.6.1
        assertEquals(List.of("graph-child-address /soc: graph node has single child node 'port@0', "
                + "#address-cells/#size-cells are not necessary"), LintFixture.only("graph-child-address", dts).lines());
        String good = dts.replace("[61 62]", "\"ab\"");
        assertEquals(List.of(), LintFixture.only("graph-child-address", good).lines());
    }
}
