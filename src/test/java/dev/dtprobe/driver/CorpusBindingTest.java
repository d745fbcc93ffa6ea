package dev.dtprobe.driver;

import static dev.dtprobe.driver.CorpusBoots.assertBound;
import static dev.dtprobe.driver.CorpusBoots.boot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real boards whose devices Linux binds at boot, and which the simulator once left deferred
 * forever for reasons of its own model, not of the board: PMICs and flashes created as platform
 * devices instead of I2C/SPI clients; catalog entries that had a PHY acquire, at probe, a clock or
 * reset that the kernel driver takes in {@code phy_init} precisely to avoid the cycle with its
 * consumer (phy-rockchip-emmc.c, phy-qcom-qmp.c); the ZynqMP firmware modelled as an early
 * provider, so its clock controller child never got a device; a late_initcall driver never
 * registered.
 */
class CorpusBindingTest {
    @Test
    void rockpro64BindsEveryDevice() {
        BootResult r = boot("rockchip/rk3399-rockpro64");
        assertBound(r, "0-001b", "rk808");                        // i2c0 (alias) client at 0x1b
        assertBound(r, "spi0.0", "spi-nor");
        assertBound(r, "ff770000.syscon:phy@f780", "rockchip-emmc-phy");
        assertBound(r, "fe330000.sdhci", "sdhci-arasan");         // its phys and the PHY's emmcclk
        assertBound(r, "fe300000.ethernet", "rk_gmac-dwmac");     // waited for the rk808 regulators
        assertBound(r, "gpio-keys", "gpio-keys");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void sdm845UfsAndItsPhyNoLongerWaitForEachOther() {
        BootResult r = boot("qcom/sdm845-mtp");
        for (String name : List.of("1d84000.ufshc", "1d87000.phy")) {
            Device d = r.find(name);
            assertTrue(r.why(d).steps().stream().noneMatch(s -> s.what().contains("dependency cycle")),
                    name + ": " + r.why(d).steps());
        }
        assertEquals("qcom-qmp-phy", r.find("1d87000.phy").lastDriver().name());
    }

    @Test
    void zcu102ClocksComeFromTheFirmwaresChild() {
        BootResult r = boot("xilinx/zynqmp-zcu102-rev1.0");
        assertBound(r, "firmware:zynqmp-firmware", "zynqmp_firmware");
        assertBound(r, "firmware:zynqmp-firmware:clock-controller", "zynqmp-clk");
        assertBound(r, "ff170000.mmc", "sdhci-arasan");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }
}
