package dev.dtprobe.driver;

import static dev.dtprobe.driver.CorpusBoots.assertBound;
import static dev.dtprobe.driver.CorpusBoots.boot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SoC firmware buses whose drivers populate their child nodes: the i.MX8 SCU (imx-scu.c,
 * devm_of_platform_populate) and the TI K3 SCI (ti_sci.c, of_platform_populate). While the catalog
 * lacked them, the generic driver bound the firmware node without creating its children, so the
 * SCU/SCI clock, power-domain, pinctrl and reset providers never existed and every consumer stayed
 * deferred forever.
 */
class CorpusFirmwareBusTest {
    private static final String DMSC = "interconnect@100000:interconnect@28380000:interconnect@42040000:dmsc";

    @Test
    void imx8qxpMekScuPopulatesItsProviders() {
        BootResult r = boot("freescale/imx8qxp-mek");
        assertBound(r, "5d1c0000.mailbox", "imx_mu");             // the SCU's MU channels
        assertBound(r, "scu", "imx-scu");
        assertBound(r, "scu:clock-controller", "imx8qxp-clk");
        assertBound(r, "scu:imx8qx-pd", "imx-scu-pd");
        assertBound(r, "scu:pinctrl", "imx8qxp-pinctrl");
        assertBound(r, "scu:imx8qx-ocotp", "imx_scu_ocotp");
        assertBound(r, "scu:scu-key", "imx-sc-key");
        assertBound(r, "scu:rtc", "imx-sc-rtc");
        assertBound(r, "scu:watchdog", "imx-sc-wdt");
        assertBound(r, "scu:thermal-sensor", "imx-sc-thermal");
        assertBound(r, "5b200000.clock-controller", "imx8qxp-lpcg-clk");
        // consumers of the SCU power domains and pinctrl, deferred forever before
        assertBound(r, "5a060000.serial", "fsl-lpuart");
        assertBound(r, "5b010000.mmc", "sdhci-esdhc-imx");
        assertBound(r, "5b020000.mmc", "sdhci-esdhc-imx");        // through usdhc2-vmmc and its GPIO
        assertBound(r, "5b040000.ethernet", "fec");
        assertBound(r, "5d0c0000.gpio", "gpio-mxc");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void am654SciPopulatesItsProviders() {
        BootResult r = boot("ti/k3-am654-base-board");
        assertBound(r, "32c00000.mailbox", "ti-msgmgr");          // the SCI's secure proxy
        assertBound(r, DMSC, "ti-sci");
        assertBound(r, DMSC + ":power-controller", "ti_sci_pm_domains");
        assertBound(r, DMSC + ":clocks", "ti-sci-clk");
        assertBound(r, DMSC + ":reset-controller", "ti-sci-reset");
        assertBound(r, "interconnect@100000:interrupt-controller0", "ti-sci-intr");
        assertBound(r, "33d00000.interrupt-controller", "ti-sci-inta");
        // consumers of the SCI power domains and clocks, deferred forever before
        assertBound(r, "2800000.serial", "serial8250-of");
        assertBound(r, "40a00000.serial", "serial8250-of");
        assertBound(r, "4f80000.sdhci", "sdhci-arasan");
        assertBound(r, "46000000.ethernet", "generic:ti,am654-cpsw-nuss");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }

    @Test
    void j721eSciWithARegisterBindsToo() {
        BootResult r = boot("ti/k3-j721e-common-proc-board");
        assertBound(r, "44083000.dmsc", "ti-sci");
        assertBound(r, "44083000.dmsc:power-controller", "ti_sci_pm_domains");
        assertBound(r, "44083000.dmsc:clocks", "ti-sci-clk");
        assertBound(r, "44083000.dmsc:reset-controller", "ti-sci-reset");
        assertEquals(List.of(), r.withState(DeviceState.DEFERRED));
    }
}
