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
 * registered; Qualcomm's RPMh firmware (rpmh-rsc and the clock, power-domain and regulator
 * drivers of its children) and its SMD/GLINK RPM (channel devices on the rpmsg bus, whose
 * driver populates the same kinds of children) missing from the catalog.
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
    void sdm845UfsBindsOnceItsPhyAndTheRpmhRegulatorsDo() {
        BootResult r = boot("qcom/sdm845-mtp");
        assertBound(r, "179c0000.rsc", "rpmh");
        assertBound(r, "179c0000.rsc:clock-controller", "clk-rpmh");
        assertBound(r, "179c0000.rsc:power-controller", "qcom-rpmhpd");
        assertBound(r, "179c0000.rsc:pm8998-rpmh-regulators", "qcom-rpmh-regulator");
        assertBound(r, "1d87000.phy", "qcom-qmp-phy");           // vdda-phy-supply from the RPMh regulators
        assertBound(r, "1d84000.ufshc", "ufshcd-qcom");
        for (String name : List.of("1d84000.ufshc", "1d87000.phy")) {
            assertTrue(r.find(name).boundMicros() > r.find("179c0000.rsc:pm8998-rpmh-regulators").boundMicros(), name);
        }
    }

    @Test
    void sdm845DisplayBindsBeforeTheTimeoutThroughARelaxedCycle() {
        // dispcc takes parent clocks from the DSI PHYs, children of the MDSS that dispcc powers:
        // fw_devlink (v6.3+) finds the loop through the PHYs' fwnode links before they are devices
        BootResult r = boot("qcom/sdm845-mtp");
        assertBound(r, "af00000.clock-controller", "disp_cc-sdm845");
        assertBound(r, "ae00000.mdss", "msm");
        assertBound(r, "ae94400.dsi-phy", "msm_dsi_phy");
        for (String name : List.of("af00000.clock-controller", "ae00000.mdss", "ae94400.dsi-phy")) {
            assertTrue(r.find(name).boundMicros() < r.lateInitcallMicros() + 1_000_000, name + " waited for the timeout");
        }
        assertTrue(r.log().stream().anyMatch(l -> "ae00000.mdss".equals(l.device())
                && l.message().equals("Fixed dependency cycle(s) with /soc@0/clock-controller@af00000")));
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void msm8996RpmChildrenComeFromTheGlinkChannel() {
        BootResult r = boot("qcom/apq8096-db820c");
        assertBound(r, "rpm-glink", "qcom_glink_rpm");
        Device channel = r.find("rpm-glink.rpm_requests.-1.-1");      // rpmsg_register_device's name
        assertBound(r, channel.name(), "qcom_smd_rpm");
        assertEquals(BusType.RPMSG, channel.bus());
        assertEquals(channel, r.find("rpm-glink:rpm-requests:qcom,rpmcc").parent());
        assertBound(r, "rpm-glink:rpm-requests:qcom,rpmcc", "qcom-clk-smd-rpm");
        assertBound(r, "rpm-glink:rpm-requests:pm8994-regulators", "qcom_rpm_smd_regulator");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void msm8916RpmChildrenComeFromTheSmdEdgesChannel() {
        BootResult r = boot("qcom/msm8916-mtp");
        assertBound(r, "smd:rpm.rpm_requests.-1.-1", "qcom_smd_rpm");   // edge device "smd:rpm"
        assertBound(r, "smd:rpm:rpm_requests:pm8916-regulators", "qcom_rpm_smd_regulator");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void tegra186PmicIsAClientOfTheBpmpsI2cAdapter() {
        BootResult r = boot("nvidia/tegra186-p2771-0000");
        assertBound(r, "bpmp:i2c", "tegra-bpmp-i2c");
        Device pmic = r.find("/bpmp/i2c/pmic@3c");
        assertEquals(BusType.I2C, pmic.bus());
        assertTrue(pmic.name().endsWith("-003c"), pmic.name());
        assertBound(r, pmic.name(), "max77620");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void poplarsClockResetControllerBindsThoughItIsAlsoSimpleMfd() {
        BootResult r = boot("hisilicon/hi3798cv200-poplar");
        assertBound(r, "f8a22000.clock-reset-controller", "hi3798cv200-crg");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
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
