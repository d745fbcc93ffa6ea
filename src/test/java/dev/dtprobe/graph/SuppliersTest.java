package dev.dtprobe.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One DTS snippet per supplier rule of the v6.12 table, positive and negative. */
class SuppliersTest {
    private static final String PROVIDERS = """
            / {
                #address-cells = <1>; #size-cells = <1>;
                interrupt-parent = <&gic>;
                gic: interrupt-controller@100 { reg = <0x100 0x10>; interrupt-controller; #interrupt-cells = <3>; };
                gic2: interrupt-controller@200 { reg = <0x200 0x10>; interrupt-controller; #interrupt-cells = <2>; };
                clk: clock@300 { reg = <0x300 0x10>; #clock-cells = <1>; };
                fixed: fixed-clock { #clock-cells = <0>; };
                reg1: regulator-1 { };
                gpio0: gpio@400 { reg = <0x400 0x10>; gpio-controller; #gpio-cells = <2>; };
                smmu: iommu@1000 { reg = <0x1000 0x10>; #iommu-cells = <1>; };
                dma: dma@500 { reg = <0x500 0x10>; #dma-cells = <1>; };
                pd: power-controller { #power-domain-cells = <1>; };
                rst: reset { #reset-cells = <1>; };
                its: msi-controller@600 { reg = <0x600 0x10>; msi-controller; #msi-cells = <1>; };
                pinctrl: pinctrl@700 {
                    reg = <0x700 0x10>;
                    pa: pins-a { };
                    pb: pins-b { };
                    pc: pins-c { };
                };
            """;

    private static Dts dts(String body) {
        return Dts.of(PROVIDERS + body + "\n};\n");
    }

    @Test
    void clocksResetsPowerDomains() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; clocks = <&clk 3>, <&fixed>; resets = <&rst 1>; "
                + "power-domains = <&pd 0>; clock-names = \"a\", \"b\"; };");
        assertEquals(List.of("clocks -> /clock@300", "clocks -> /fixed-clock", "resets -> /reset",
                "power-domains -> /power-controller"), d.suppliers("/dev@2000"));
    }

    @Test
    void supplySuffixIsABarePhandle() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; vdd-supply = <&reg1>; vddio-supply = <&reg1 &clk>; };");
        // the second list has no cells property: both cells are phandles
        assertEquals(List.of("vdd-supply -> /regulator-1", "vddio-supply -> /regulator-1",
                "vddio-supply -> /clock@300"), d.suppliers("/dev@2000"));
    }

    @Test
    void gpioSuffixesAndNrGpiosExclusion() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; reset-gpios = <&gpio0 5 0>; enable-gpio = <&gpio0 6 1>; "
                + "foo,nr-gpios = <32>; snps,nr-gpios = <8>; ngpios = <4>; };");
        assertEquals(List.of("reset-gpios -> /gpio@400", "enable-gpio -> /gpio@400"), d.suppliers("/dev@2000"));
    }

    @Test
    void legacyGpiosSkippedUnderGpioHog() {
        Dts d = dts("""
                dev@2000 { reg = <0x2000 0x10>; gpios = <&gpio0 1 0 &gpio0 2 0>; };
                hogger { hog { gpio-hog; gpios = <&gpio0 3 0>; output-high; }; };
                """);
        assertEquals(List.of("gpios -> /gpio@400", "gpios -> /gpio@400"), d.suppliers("/dev@2000"));
        assertEquals(List.of(), d.suppliers("/hogger/hog"));
    }

    @Test
    void pinctrlStatesWithSeveralPhandles() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; pinctrl-names = \"default\", \"sleep\"; "
                + "pinctrl-0 = <&pa &pb>; pinctrl-1 = <&pc>; };");
        assertEquals(List.of("pinctrl-0 -> /pinctrl@700/pins-a", "pinctrl-0 -> /pinctrl@700/pins-b",
                "pinctrl-1 -> /pinctrl@700/pins-c"), d.suppliers("/dev@2000"));
    }

    @Test
    void remoteEndpointConsumerIsThePortsParentDevice() {
        Dts d = dts("""
                panel { port { panel_in: endpoint { remote-endpoint = <&dsi_out>; }; }; };
                dsi@3000 {
                    reg = <0x3000 0x10>;
                    ports { #address-cells = <1>; #size-cells = <0>;
                        port@1 { reg = <1>; dsi_out: endpoint { remote-endpoint = <&panel_in>; }; };
                    };
                };
                """);
        // consumer: the device above port (and above "ports"); supplier: the remote port node (v6.12)
        assertEquals(List.of("/panel: remote-endpoint -> /dsi@3000/ports/port@1"),
                d.suppliers("/panel/port/endpoint"));
        assertEquals(List.of("/dsi@3000: remote-endpoint -> /panel/port"),
                d.suppliers("/dsi@3000/ports/port@1/endpoint"));
    }

    @Test
    void interruptsUseTheInheritedInterruptParent() {
        Dts d = dts("""
                soc { #address-cells = <1>; #size-cells = <1>; ranges;
                    interrupt-parent = <&gic2>;
                    uart@5000 { reg = <0x5000 0x10>; interrupts = <1 4>, <2 4>; };
                    timer@6000 { reg = <0x6000 0x10>; interrupt-parent = <&gic>; interrupts = <0 1 4>; };
                    bad@7000 { reg = <0x7000 0x10>; interrupts = <1 4 9>; };
                };
                """);
        assertEquals(List.of("interrupts -> /interrupt-controller@200", "interrupts -> /interrupt-controller@200"),
                d.suppliers("/soc/uart@5000"));
        assertEquals(List.of("interrupt-parent -> /interrupt-controller@100", "interrupts -> /interrupt-controller@100"),
                d.suppliers("/soc/timer@6000"));
        // 3 cells with a 2-cell parent: index 0 parses, index 1 runs out of cells
        assertEquals(List.of("interrupts -> /interrupt-controller@200"), d.suppliers("/soc/bad@7000"));
        assertEquals("/interrupt-controller@200", d.graph.interruptParent(d.node("/soc/uart@5000")).path());
        // /soc's own interrupt-parent counts for /soc itself
        assertEquals("/interrupt-controller@200", d.graph.interruptParent(d.node("/soc")).path());
        // no interrupt-parent: the tree parent (/), which lacks #interrupt-cells, so the root's interrupt-parent
        assertEquals("/interrupt-controller@100", d.graph.interruptParent(d.node("/clock@300")).path());
    }

    @Test
    void interruptsExtended() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; interrupts-extended = <&gic 0 5 4>, <&gic2 7 1>, <&gpio0 3 1>; };");
        // gpio@400 has no #interrupt-cells: the third entry fails to parse and ends the walk
        assertEquals(List.of("interrupts-extended -> /interrupt-controller@100",
                "interrupts-extended -> /interrupt-controller@200"), d.suppliers("/dev@2000"));
    }

    @Test
    void interruptMapOfANexusAndInterruptsThroughIt() {
        Dts d = dts("""
                nexus@8000 {
                    reg = <0x8000 0x10>;
                    #address-cells = <0>;
                    #interrupt-cells = <1>;
                    interrupt-map-mask = <0x3>;
                    interrupt-map = <0 &gic 0 10 4>, <1 &gic2 11 4>;
                };
                dev@2000 { reg = <0x2000 0x10>; interrupt-parent = <&{/nexus@8000}>; interrupts = <1>, <0>, <2>; };
                """);
        assertEquals(List.of("interrupt-map -> /interrupt-controller@100", "interrupt-map -> /interrupt-controller@200"),
                d.suppliers("/nexus@8000"));
        // interrupts resolve through the map to the real controllers; <2> matches no entry and stops the walk
        assertEquals(List.of("interrupt-parent -> /nexus@8000", "interrupts -> /interrupt-controller@200",
                "interrupts -> /interrupt-controller@100"), d.suppliers("/dev@2000"));
    }

    @Test
    void optionalIommusIommuMapAndDmas() {
        Dts d = dts("""
                dev@2000 { reg = <0x2000 0x10>; iommus = <&smmu 0x10>; dmas = <&dma 1>, <&dma 2>; dma-names = "rx", "tx"; };
                pcie@9000 { reg = <0x9000 0x10>; iommu-map = <0x0 &smmu 0x0 0x100>, <0x100 &smmu 0x100 0x100>;
                    msi-parent = <&its 0>; };
                """);
        assertEquals(List.of("iommus -> /iommu@1000 (optional)", "dmas -> /dma@500 (optional)",
                "dmas -> /dma@500 (optional)"), d.suppliers("/dev@2000"));
        assertEquals(List.of("iommu-map -> /iommu@1000 (optional)", "iommu-map -> /iommu@1000 (optional)",
                "msi-parent -> /msi-controller@600"), d.suppliers("/pcie@9000"));
    }

    @Test
    void listStopsAtEmptyOrDanglingEntry() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; clocks = <&clk 1>, <0>, <&clk 2>; pinctrl-0 = <&pa 0x7777 &pb>; };");
        assertEquals(List.of("clocks -> /clock@300", "pinctrl-0 -> /pinctrl@700/pins-a"), d.suppliers("/dev@2000"));
    }

    @Test
    void fwDevlinkReadsAMissingCellsPropertyAsZeroArgs() {
        // parse_prop_cells passes cell_count 0: "clocks" to a node without #clock-cells still links
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; clocks = <&reg1>, <&clk 4>; };");
        assertEquals(List.of("clocks -> /regulator-1", "clocks -> /clock@300"), d.suppliers("/dev@2000"));
        assertTrue(d.graph.parse(d.node("/dev@2000"), "clocks", "#clock-cells").problem() != null);
    }

    @Test
    void postInitProvidersIsIgnoredForProbe() {
        Dts d = dts("dev@2000 { reg = <0x2000 0x10>; post-init-providers = <&clk>; };");
        SupplierRef r = d.graph.suppliers(d.node("/dev@2000")).get(0);
        assertTrue(r.ignoredForProbe());
    }
}
