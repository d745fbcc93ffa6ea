package dev.dtprobe.lint.dtc;

import java.util.ArrayList;
import java.util.List;

/**
 * The DTS snippets of the address, bus and graph checks, each with the findings its rule gives
 * when linted alone. The expected texts were copied from dtc 1.6.1's output on the same snippet
 * ({@code dtc -I dts -O dtb -o /dev/null x.dts}); {@link AddressChecksDtcOracleTest} re-runs dtc on
 * every snippet to keep it that way.
 */
final class AddressCheckCases {

    /** dtc's names of the address, bus and graph checks, in dtc 1.6.1's check_table order. */
    static final List<String> DTC_NAMES = List.of("addr_size_cells", "reg_format", "ranges_format",
            "dma_ranges_format", "unit_address_vs_reg", "unit_address_format", "pci_bridge", "pci_device_reg",
            "pci_device_bus_num", "simple_bus_bridge", "simple_bus_reg", "i2c_bus_bridge", "i2c_bus_reg",
            "spi_bus_bridge", "spi_bus_reg", "avoid_default_addr_size", "avoid_unnecessary_addr_size",
            "unique_unit_address", "unique_unit_address_if_enabled", "graph_nodes", "graph_child_address",
            "graph_port", "graph_endpoint");

    enum Kind { POSITIVE, NEGATIVE }

    /** One snippet (without the {@code /dts-v1/;} header) and the rule's findings on it. */
    record Case(String ruleId, Kind kind, String dts, List<String> expected) {
        Case(String ruleId, Kind kind, String dts, String... expected) {
            this(ruleId, kind, dts, List.of(expected));
        }

        @Override
        public String toString() {
            return ruleId + " " + kind.name().toLowerCase() + ": " + dts;
        }
    }

    private AddressCheckCases() {
    }

    /**
     * Snippets where several checks and bus tags meet (a node tagged by two bridges, graph ports
     * under a bus, defaults), for the dtc oracle only.
     */
    static List<String> mixed() {
        return List.of(
                "/ { #address-cells = <1>; #size-cells = <1>;\n"
                + "  i2c@1000 { compatible = \"simple-bus\"; reg = <0x1000 4>; #address-cells = <1>; #size-cells = <0>;\n"
                + "    x@48 { reg = <0x49>; }; };\n"
                + "  spi@2000 { compatible = \"foo\", \"simple-bus\"; reg = <0x2000 4>; #address-cells = <1>;\n"
                + "    #size-cells = <0>; y@01 { reg = <1>; }; };\n"
                + "  ports { #address-cells = <1>; #size-cells = <0>;\n"
                + "    port@0 { reg = <0>; a: endpoint { remote-endpoint = <&a>; }; }; };\n"
                + "  i2c@3000 { reg = <0x3000 4>; #address-cells = <1>; #size-cells = <0>;\n"
                + "    port@0 { reg = <0>; b: endpoint@0 { reg = <0>; remote-endpoint = <&b>; }; }; };\n"
                + "};",
                "/ { #address-cells = <1>; #size-cells = <1>;\n"
                + "  p { e: endpoint { }; };\n"
                + "  i2c@1000 { reg = <0x1000 4>; #address-cells = <1>; #size-cells = <0>;\n"
                + "    i2c-bus { #address-cells = <1>; #size-cells = <0>; x@3 { reg = <3>; }; }; };\n"
                + "  n { #address-cells = <1>; #size-cells = <1>; m { dma-ranges; }; };\n"
                + "  pci@10000000 { device_type = \"pci\"; compatible = \"simple-bus\"; reg = <0x10000000 0x1000>;\n"
                + "    #address-cells = <3>; #size-cells = <2>; ranges = <0 0 0 0x10000000 0 0x1000>;\n"
                + "    dev@0,1 { reg = <0x100 0 0 0 0>; }; };\n"
                + "};",
                BusKindsTest.TREE,
                // deleted children still count where dtc tests node->children (and name the first)
                "/ { #address-cells = <1>; #size-cells = <1>;\n"
                + "  i2c@1000 { reg = <0x1000 4>; gone { }; };\n"
                + "  spi@2000 { reg = <0x2000 4>; gone { }; };\n"
                + "  leds { #address-cells = <1>; #size-cells = <0>; gone { }; };\n"
                + "  dsi { port { #address-cells = <1>; #size-cells = <0>; x: gone@0 { reg = <0>; };\n"
                + "    a: endpoint@0 { reg = <0>; remote-endpoint = <&a>; }; }; };\n"
                + "};\n"
                + "/ { i2c@1000 { /delete-node/ gone; }; spi@2000 { /delete-node/ gone; };\n"
                + "  leds { /delete-node/ gone; }; };\n"
                + "/delete-node/ &x;");
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("reg-format", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000>; }; "
                + "timer@2000 { reg; }; };",
                "reg-format /serial@1000:reg: property has invalid length (4 bytes) (#address-cells == 1, #size-cells == 1)",
                "reg-format /timer@2000:reg: property is empty"));
        cases.add(new Case("reg-format", Kind.POSITIVE,
                "/ { reg = <0 0>; };",
                "reg-format /: Root node has a \"reg\" property"));
        cases.add(new Case("reg-format", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; "
                + "serial@1000 { reg = <0x1000 0x100 0x2000 0x100>; }; };"));
        cases.add(new Case("ranges-format", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { #address-cells = <2>; "
                + "#size-cells = <2>; ranges; }; bus@0 { #address-cells = <1>; #size-cells = <1>; "
                + "ranges = <0 0>; }; };",
                "ranges-format /soc:ranges: empty \"ranges\" property but its #address-cells (2) differs from / (1)",
                "ranges-format /soc:ranges: empty \"ranges\" property but its #size-cells (2) differs from / (1)",
                "ranges-format /bus@0:ranges: \"ranges\" property has invalid length (8 bytes) (parent #address-cells == 1, child #address-cells == 1, #size-cells == 1)"));
        cases.add(new Case("ranges-format", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { #address-cells = <1>; "
                + "#size-cells = <1>; ranges; }; bus@0 { #address-cells = <1>; #size-cells = <1>; "
                + "ranges = <0 0 0x1000>; }; };"));
        cases.add(new Case("dma-ranges-format", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { #address-cells = <2>; "
                + "#size-cells = <2>; dma-ranges; }; bus { #address-cells = <1>; #size-cells = <1>; "
                + "dma-ranges = <0 0>; }; };",
                "dma-ranges-format /soc:dma-ranges: empty \"dma-ranges\" property but its #address-cells (2) differs from / (1)",
                "dma-ranges-format /soc:dma-ranges: empty \"dma-ranges\" property but its #size-cells (2) differs from / (1)",
                "dma-ranges-format /bus:dma-ranges: \"dma-ranges\" property has invalid length (8 bytes) (parent #address-cells == 1, child #address-cells == 1, #size-cells == 1)"));
        cases.add(new Case("dma-ranges-format", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { #address-cells = <1>; "
                + "#size-cells = <1>; dma-ranges; }; bus { #address-cells = <1>; #size-cells = <1>; "
                + "dma-ranges = <0 0x80000000 0x1000>; }; };"));
        cases.add(new Case("unit-address-vs-reg", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial { reg = <0x1000 0x100>; }; "
                + "timer@2000 { }; bus { #address-cells = <1>; #size-cells = <1>; "
                + "ranges = <0 0 0x1000>; }; };",
                "unit-address-vs-reg /serial: node has a reg or ranges property, but no unit name",
                "unit-address-vs-reg /timer@2000: node has a unit name, but no reg or ranges property",
                "unit-address-vs-reg /bus: node has a reg or ranges property, but no unit name"));
        cases.add(new Case("unit-address-vs-reg", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; "
                + "bus { #address-cells = <1>; #size-cells = <1>; ranges; }; "
                + "fragment@0 { __overlay__ { }; }; };"));
        cases.add(new Case("unit-address-format", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@0x1000 { reg = <0x1000 0x100>; "
                + "}; timer@01000 { reg = <0x1000 0x100>; }; rtc@0x0020 { reg = <0x20 4>; }; };",
                "unit-address-format /serial@0x1000: unit name should not have leading \"0x\"",
                "unit-address-format /timer@01000: unit name should not have leading 0s",
                "unit-address-format /rtc@0x0020: unit name should not have leading \"0x\"",
                "unit-address-format /rtc@0x0020: unit name should not have leading 0s"));
        cases.add(new Case("unit-address-format", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; "
                + "soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>; ranges; "
                + "timer@0x2000 { reg = <0x2000 4>; }; }; };"));
        cases.add(new Case("pci-bridge", Kind.POSITIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; "
                + "pcie-ctl@40000000 { device_type = \"pci\"; reg = <0 0x40000000 0 0x1000>; "
                + "bus-range = <2 1>; }; pci@50000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "bus-range = <0 0x100>; }; pci@60000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "bus-range = <0>; }; };",
                "pci-bridge /pcie-ctl@40000000: node name is not \"pci\" or \"pcie\"",
                "pci-bridge /pcie-ctl@40000000: missing ranges for PCI bridge (or not a bridge)",
                "pci-bridge /pcie-ctl@40000000: incorrect #address-cells for PCI bridge",
                "pci-bridge /pcie-ctl@40000000: incorrect #size-cells for PCI bridge",
                "pci-bridge /pcie-ctl@40000000:bus-range: 1st cell must be less than or equal to 2nd cell",
                "pci-bridge /pci@50000000:bus-range: maximum bus number must be less than 256",
                "pci-bridge /pci@60000000:bus-range: value must be 2 cells"));
        cases.add(new Case("pci-bridge", Kind.NEGATIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; pcie@40000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "bus-range = <0 0xff>; }; };"));
        cases.add(new Case("pci-device-reg", Kind.POSITIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; pcie@40000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "dev@1 { reg = <0x1000 0 0 0 0>; }; dev@3 { reg = <0x01001804 0 1 0 0>; }; "
                + "dev@4,0 { reg = <0x2000 0 0 0 0>; }; }; };",
                "pci-device-reg /pcie@40000000/dev@1: PCI unit address format error, expected \"2,0\"",
                "pci-device-reg /pcie@40000000/dev@3:reg: PCI reg config space address cells 2 and 3 must be 0",
                "pci-device-reg /pcie@40000000/dev@3:reg: PCI reg address is not configuration space",
                "pci-device-reg /pcie@40000000/dev@3:reg: PCI reg config space address register number must be 0"));
        cases.add(new Case("pci-device-reg", Kind.NEGATIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; pcie@40000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "dev@2 { reg = <0x1000 0 0 0 0>; }; dev@2,1 { reg = <0x1100 0 0 0 0>; }; "
                + "dev@1f,7 { reg = <0xff00 0 0 0 0>; }; }; };"));
        cases.add(new Case("pci-device-bus-num", Kind.POSITIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; pcie@40000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "dev@0 { reg = <0x10000 0 0 0 0>; }; }; pcie@50000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "bus-range = <2 3>; dev@0 { reg = <0x10000 0 0 0 0>; }; }; };",
                "pci-device-bus-num /pcie@40000000/dev@0: PCI bus number 1 out of range, expected (0 - 0)",
                "pci-device-bus-num /pcie@50000000/dev@0:bus-range: PCI bus number 1 out of range, expected (2 - 2)"));
        cases.add(new Case("pci-device-bus-num", Kind.NEGATIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; pcie@40000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "bus-range = <1 1>; dev@0 { reg = <0x10000 0 0 0 0>; }; }; "
                + "pcie@50000000 { device_type = \"pci\"; reg = <0 0x40000000 0 0x1000>; "
                + "#address-cells = <3>; #size-cells = <2>; ranges; dev@0 { reg = <0 0 0 0 0>; }; }; };"));
        // dtc 1.6.1 behaviour kept on purpose (see the rule's description)
        cases.add(new Case("pci-device-bus-num", Kind.POSITIVE,
                "/ { #address-cells = <2>; #size-cells = <2>; pcie@40000000 { device_type = \"pci\"; "
                + "reg = <0 0x40000000 0 0x1000>; #address-cells = <3>; #size-cells = <2>; ranges; "
                + "bus-range = <0 1>; dev@0 { reg = <0x10000 0 0 0 0>; }; }; };",
                "pci-device-bus-num /pcie@40000000/dev@0:bus-range: PCI bus number 1 out of range, expected (0 - 0)"));
        cases.add(new Case("simple-bus-reg", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { compatible = \"simple-bus\"; "
                + "#address-cells = <1>; #size-cells = <1>; ranges; "
                + "serial@1000 { reg = <0x2000 0x100>; }; clk { }; bus@0 { #address-cells = <1>; "
                + "#size-cells = <1>; ranges = <0 0x3000 0x100>; }; }; };",
                "simple-bus-reg /soc/serial@1000: simple-bus unit address format error, expected \"2000\"",
                "simple-bus-reg /soc/clk: missing or empty reg/ranges property",
                "simple-bus-reg /soc/bus@0: simple-bus unit address format error, expected \"3000\""));
        cases.add(new Case("simple-bus-reg", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { compatible = \"simple-bus\"; "
                + "#address-cells = <1>; #size-cells = <1>; ranges; "
                + "serial@2000 { reg = <0x2000 0x100>; }; sub { compatible = \"simple-bus\"; "
                + "#address-cells = <1>; #size-cells = <1>; ranges; }; "
                + "bus@3000 { #address-cells = <1>; #size-cells = <1>; ranges = <0 0x3000 0x100>; }; "
                + "}; };"));
        cases.add(new Case("i2c-bus-bridge", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; i2c@1000 { reg = <0x1000 0x100>; "
                + "sensor@48 { reg = <0x48 1>; }; }; };",
                "i2c-bus-bridge /i2c@1000: incorrect #address-cells for I2C bus",
                "i2c-bus-bridge /i2c@1000: incorrect #size-cells for I2C bus"));
        cases.add(new Case("i2c-bus-bridge", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; i2c@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; sensor@48 { reg = <0x48>; }; }; "
                + "i2c@2000 { reg = <0x2000 0x100>; }; };"));
        cases.add(new Case("i2c-bus-reg", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; i2c@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; sensor@48 { reg = <0x49>; }; "
                + "eeprom@80 { reg = <0x80>; }; big@80000500 { reg = <0x80000500>; }; bare { }; }; };",
                "i2c-bus-reg /i2c@1000/sensor@48: I2C bus unit address format error, expected \"49\"",
                "i2c-bus-reg /i2c@1000/eeprom@80:reg: I2C address must be less than 7-bits, got \"0x80\". Set I2C_TEN_BIT_ADDRESS for 10 bit addresses or fix the property",
                "i2c-bus-reg /i2c@1000/big@80000500:reg: I2C address must be less than 10-bits, got \"0x80000500\"",
                "i2c-bus-reg /i2c@1000/bare: missing or empty reg property"));
        cases.add(new Case("i2c-bus-reg", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; i2c@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; sensor@48 { reg = <0x48>; }; "
                + "slave@10 { reg = <0x40000010>; }; }; };"));
        // dtc 1.6.1 behaviour kept on purpose (see the rule's description)
        cases.add(new Case("i2c-bus-reg", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; i2c@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; ten@80000150 { reg = <0x80000150>; }; }; };",
                "i2c-bus-reg /i2c@1000/ten@80000150:reg: I2C address must be less than 7-bits, got \"0x80000150\". Set I2C_TEN_BIT_ADDRESS for 10 bit addresses or fix the property"));
        cases.add(new Case("spi-bus-bridge", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; spi@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <1>; flash@0 { reg = <0 1>; }; }; "
                + "ctrl@2000 { reg = <0x1000 0x100>; #address-cells = <1>; #size-cells = <0>; "
                + "flash@0 { reg = <0>; spi-max-frequency = <1000000>; }; }; };",
                "spi-bus-bridge /spi@1000: incorrect #size-cells for SPI bus",
                "spi-bus-bridge /ctrl@2000: node name for SPI buses should be 'spi'"));
        cases.add(new Case("spi-bus-bridge", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; spi@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; flash@0 { reg = <0>; }; }; "
                + "spi@2000 { reg = <0x2000 0x100>; spi-slave; #address-cells = <0>; "
                + "#size-cells = <0>; slave { }; }; };"));
        cases.add(new Case("spi-bus-reg", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; spi@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; flash@0 { reg = <1>; }; codec { }; }; };",
                "spi-bus-reg /spi@1000/flash@0: SPI bus unit address format error, expected \"1\"",
                "spi-bus-reg /spi@1000/codec: missing or empty reg property"));
        cases.add(new Case("spi-bus-reg", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; spi@1000 { reg = <0x1000 0x100>; "
                + "#address-cells = <1>; #size-cells = <0>; flash@1 { reg = <1>; }; }; "
                + "spi@2000 { reg = <0x2000 0x100>; spi-slave; #address-cells = <0>; "
                + "#size-cells = <0>; slave { }; }; };"));
        cases.add(new Case("avoid-default-addr-size", Kind.POSITIVE,
                "/ { soc { serial@1000 { reg = <0 0x1000 0x100>; }; }; };",
                "avoid-default-addr-size /soc/serial@1000: Relying on default #address-cells value",
                "avoid-default-addr-size /soc/serial@1000: Relying on default #size-cells value"));
        cases.add(new Case("avoid-default-addr-size", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; soc { #address-cells = <1>; "
                + "#size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; }; };"));
        cases.add(new Case("avoid-unnecessary-addr-size", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; leds { #address-cells = <1>; "
                + "#size-cells = <0>; led0 { label = \"a\"; }; }; };",
                "avoid-unnecessary-addr-size /leds: unnecessary #address-cells/#size-cells without \"ranges\" or child \"reg\" property"));
        cases.add(new Case("avoid-unnecessary-addr-size", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; bus { #address-cells = <1>; "
                + "#size-cells = <1>; ranges; }; leds { #address-cells = <1>; #size-cells = <0>; "
                + "led@0 { reg = <0>; }; }; empty { #address-cells = <1>; #size-cells = <1>; }; };"));
        cases.add(new Case("unique-unit-address", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; "
                + "timer@1000 { reg = <0x1000 0x100>; }; rtc@1000 { reg = <0x1000 0x100>; }; };",
                "unique-unit-address /serial@1000: duplicate unit-address (also used in node /timer@1000)",
                "unique-unit-address /serial@1000: duplicate unit-address (also used in node /rtc@1000)",
                "unique-unit-address /timer@1000: duplicate unit-address (also used in node /rtc@1000)"));
        cases.add(new Case("unique-unit-address", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; "
                + "timer@2000 { reg = <0x2000 0x100>; }; nodefault { x@1 { }; y@1 { }; }; };"));
        cases.add(new Case("unique-unit-address-if-enabled", Kind.POSITIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; "
                + "timer@1000 { reg = <0x1000 0x100>; }; };",
                "unique-unit-address-if-enabled /serial@1000: duplicate unit-address (also used in node /timer@1000)"));
        cases.add(new Case("unique-unit-address-if-enabled", Kind.NEGATIVE,
                "/ { #address-cells = <1>; #size-cells = <1>; serial@1000 { reg = <0x1000 0x100>; }; "
                + "timer@1000 { reg = <0x1000 0x100>; status = \"disabled\"; }; };"));
        cases.add(new Case("graph-port", Kind.POSITIVE,
                "/ { dsi { #address-cells = <1>; #size-cells = <0>; out@1 { reg = <1>; "
                + "a: endpoint { remote-endpoint = <&a>; }; }; port@2 { reg = <3>; "
                + "b: endpoint { remote-endpoint = <&b>; }; }; }; hdmi { port@0 { reg = <0>; "
                + "c: endpoint { remote-endpoint = <&c>; }; }; }; };",
                "graph-port /dsi/out@1: graph port node name should be 'port'",
                "graph-port /dsi/port@2: graph node unit address error, expected \"3\"",
                "graph-port /hdmi/port@0: graph node '#address-cells' is -1, must be 1",
                "graph-port /hdmi/port@0: graph node '#size-cells' is -1, must be 0"));
        cases.add(new Case("graph-port", Kind.NEGATIVE,
                "/ { dsi { #address-cells = <1>; #size-cells = <0>; port@1 { reg = <1>; "
                + "a: endpoint { remote-endpoint = <&a>; }; }; }; "
                + "hdmi { port { c: endpoint { remote-endpoint = <&c>; }; }; }; };"));
        cases.add(new Case("graph-endpoint", Kind.POSITIVE,
                "/ { a { port { link { remote-endpoint = <&eb>; }; }; }; "
                + "b { port { eb: endpoint { }; }; }; "
                + "c { port { endpoint { remote-endpoint = <0x1234>; }; }; }; };",
                "graph-endpoint /a/port/link: graph endpoint node name should be 'endpoint'",
                "graph-endpoint /a/port/link: graph connection to node '/b/port/endpoint' is not bidirectional",
                "graph-endpoint /c/port/endpoint:remote-endpoint: graph phandle is not valid"));
        cases.add(new Case("graph-endpoint", Kind.NEGATIVE,
                "/ { a { port { ea: endpoint { remote-endpoint = <&eb>; }; }; }; "
                + "b { port { eb: endpoint { remote-endpoint = <&ea>; }; }; }; };"));
        cases.add(new Case("graph-child-address", Kind.POSITIVE,
                "/ { dsi { port { #address-cells = <1>; #size-cells = <0>; "
                + "a: endpoint@0 { reg = <0>; remote-endpoint = <&a>; }; }; }; };",
                "graph-child-address /dsi/port: graph node has single child node 'endpoint@0', #address-cells/#size-cells are not necessary"));
        cases.add(new Case("graph-child-address", Kind.NEGATIVE,
                "/ { dsi { port { #address-cells = <1>; #size-cells = <0>; "
                + "a: endpoint@0 { reg = <0>; remote-endpoint = <&b>; }; b: endpoint@1 { reg = <1>; "
                + "remote-endpoint = <&a>; }; }; }; };"));
        return cases;
    }
}
