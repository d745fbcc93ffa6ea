package dev.dtprobe.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.kernel.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Children of an I2C adapter or SPI controller become I2C clients and SPI devices, as
 * {@code of_i2c_register_devices} and {@code of_register_spi_devices} create them, named as
 * {@code i2c_dev_set_name} ("adapter-addr", 0xa000 for a 10-bit address) and
 * {@code spi_dev_set_name} ("spiB.CS") name them, with adapter and bus numbers from the
 * {@code i2cN}/{@code spiN} aliases or, without one, the lowest number above the highest alias.
 * Before, they were platform devices that no I2C/SPI driver of the catalog could match.
 */
class I2cSpiClientsTest {
    private static final String DTS = """
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                aliases { i2c1 = &i2c_b; i2c4 = &i2c_a; spi1 = &spi; };
                i2c_a: i2c@1000 {
                    compatible = "rockchip,rk3399-i2c"; reg = <0x1000 0x100>;
                    #address-cells = <1>; #size-cells = <0>;
                    pmic@1b { compatible = "rockchip,rk808"; reg = <0x1b>; };
                    sensor@48 { compatible = "acme,sensor"; reg = <0x48>; };
                    monitor { compatible = "ti,ina226"; };
                    disabled@49 { compatible = "acme,sensor"; reg = <0x49>; status = "disabled"; };
                    mux@70 {
                        compatible = "nxp,pca9548"; reg = <0x70>;
                        #address-cells = <1>; #size-cells = <0>;
                        i2c@0 {
                            reg = <0>; #address-cells = <1>; #size-cells = <0>;
                            monitor@4c { compatible = "ti,ina226"; reg = <0x4c>; };
                        };
                    };
                };
                i2c_b: i2c@2000 {
                    compatible = "rockchip,rk3399-i2c"; reg = <0x2000 0x100>;
                    #address-cells = <1>; #size-cells = <0>;
                    eeprom@50 { compatible = "atmel,24c02"; reg = <0x80000050>; };
                };
                spi: spi@3000 {
                    compatible = "rockchip,rk3399-spi"; reg = <0x3000 0x100>;
                    #address-cells = <1>; #size-cells = <0>;
                    flash@0 { compatible = "jedec,spi-nor"; reg = <0>; };
                    nocs { compatible = "jedec,spi-nor"; };
                };
                keys { compatible = "gpio-keys"; };
            };
            """;

    private static BootResult boot(String dts) {
        var tree = new TreeLoader(LoadOptions.defaults()).loadDts("clients.dts", dts).tree();
        return new BootSimulation(KernelProfile.forVersion(KernelVersion.parse("6.6"), true, KernelProfile.Arch.ARM64),
                DriverCatalog.bundled()).run(tree);
    }

    private static void assertBoundOn(BootResult r, String name, BusType bus, String driver) {
        Device d = r.find(name);
        assertNotNull(d, name + " not created; devices: " + r.devices());
        assertEquals(bus, d.bus(), name);
        assertEquals(DeviceState.BOUND, d.state(), name + ": " + d.deferReason());
        assertEquals(driver, d.driver().name(), name);
    }

    @Test
    void i2cChildrenAreClientsNamedByAdapterAndAddress() {
        BootResult r = boot(DTS);
        assertBoundOn(r, "4-001b", BusType.I2C, "rk808");
        assertBoundOn(r, "4-0070", BusType.I2C, "pca954x");
        assertBoundOn(r, "1-a050", BusType.I2C, "at24"); // reg 0x80000050: I2C_TEN_BIT_ADDRESS | 0x50
        assertEquals(r.find("1000.i2c"), r.find("4-001b").parent());
    }

    @Test
    void aMuxChannelIsAnAdapterNumberedAfterTheHighestAlias() {
        assertBoundOn(boot(DTS), "5-004c", BusType.I2C, "ina2xx");
    }

    @Test
    void anUnknownClientGetsTheGenericDriverOnItsOwnBus() {
        assertBoundOn(boot(DTS), "4-0048", BusType.I2C, "generic:acme,sensor");
    }

    @Test
    void aClientWithoutRegIsNotCreatedAndTheAdapterSaysSo() {
        BootResult r = boot(DTS);
        assertNull(r.find("monitor"));
        assertNull(r.find("4-0049"), "disabled client");
        List<String> adapter4 = r.log().stream().filter(l -> "i2c-4".equals(l.device())).map(LogLine::message).toList();
        assertEquals(List.of("of_i2c: invalid reg on /i2c@1000/monitor"), adapter4);
    }

    @Test
    void spiChildrenAreSpiDevicesNamedByBusAndChipSelect() {
        BootResult r = boot(DTS);
        assertBoundOn(r, "spi1.0", BusType.SPI, "spi-nor");
        assertTrue(r.log().stream().anyMatch(l -> "spi1".equals(l.device())
                && l.message().equals("/spi@3000/nocs has no valid 'reg' property (-22)")));
    }

    @Test
    void withoutAliasesAdaptersAreNumberedInProbeOrderFromZero() {
        BootResult r = boot("""
                /dts-v1/;
                / {
                    #address-cells = <1>; #size-cells = <1>;
                    i2c@1000 {
                        compatible = "rockchip,rk3399-i2c"; reg = <0x1000 0x100>;
                        #address-cells = <1>; #size-cells = <0>;
                        pmic@1b { compatible = "rockchip,rk808"; reg = <0x1b>; };
                    };
                    i2c@2000 {
                        compatible = "rockchip,rk3399-i2c"; reg = <0x2000 0x100>;
                        #address-cells = <1>; #size-cells = <0>;
                        pmic@1b { compatible = "rockchip,rk808"; reg = <0x1b>; };
                    };
                };
                """);
        assertEquals("/i2c@1000/pmic@1b", r.find("0-001b").node().path());
        assertEquals("/i2c@2000/pmic@1b", r.find("1-001b").node().path());
    }

    @Test
    void anUnknownControllerShapedAsTheBindingsRequireRegistersItsAdapterThroughTheGenericDriver() {
        BootResult r = boot("""
                /dts-v1/;
                / {
                    #address-cells = <1>; #size-cells = <1>;
                    i2c@1000 {
                        compatible = "acme,i2c"; reg = <0x1000 0x100>;
                        #address-cells = <1>; #size-cells = <0>;
                        gpio@20 { compatible = "nxp,pca9555"; reg = <0x20>; };
                    };
                    spi@2000 {
                        compatible = "acme,spi"; reg = <0x2000 0x100>;
                        #address-cells = <1>; #size-cells = <0>;
                        flash@0 { compatible = "jedec,spi-nor"; reg = <0>; };
                    };
                    i2c@3000 {
                        compatible = "acme,not-a-controller"; reg = <0x3000 0x100>;
                        #address-cells = <1>; #size-cells = <1>;
                        thing@0 { compatible = "nxp,pca9555"; reg = <0 1>; };
                    };
                };
                """);
        assertBoundOn(r, "1000.i2c", BusType.PLATFORM, "generic:acme,i2c");
        assertBoundOn(r, "0-0020", BusType.I2C, "pca953x");
        assertBoundOn(r, "spi0.0", BusType.SPI, "spi-nor");
        assertNull(r.find("/i2c@3000/thing@0"), "a size cell: not an I2C controller, so no clients");
    }

    @Test
    void aLateInitcallDriverRegistersAfterDeferredProbeInitcall() {
        BootResult r = boot(DTS);
        assertBoundOn(r, "keys", BusType.PLATFORM, "gpio-keys");
        // gpio_keys.c is a late_initcall in drivers/input, linked after drivers/base/dd.c
        assertTrue(r.find("keys").boundMicros() >= r.lateInitcallMicros(),
                r.find("keys").boundMicros() + " < " + r.lateInitcallMicros());
    }
}
