package dev.dtprobe.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtprobe.diag.InputException;
import org.junit.jupiter.api.Test;

/** The --pci and --fsl-mc device specifications. */
class ExtraDeviceTest {

    @Test
    void parsesPciFunctions() {
        assertEquals(new ExtraDevice(BusType.PCI, "01:00.1", 0x0101, "pci15b3,1017", false, "00:00.0"),
                ExtraDevice.parsePci("01:00.1=pci15b3,1017@00:00.0"));
        assertEquals(new ExtraDevice(BusType.PCI, "00:1c.0", 0x00e0, null, true, null),
                ExtraDevice.parsePci("00:1c.0=bridge"));
        assertEquals(new ExtraDevice(BusType.PCI, "02:00.0", 0x0200, null, false, null), ExtraDevice.parsePci("02:00.0"));
    }

    @Test
    void parsesFslMcObjects() {
        assertEquals(new ExtraDevice(BusType.FSL_MC, "dpni.0", 0x17, "fsl-mc,dpni", false, "dprc.1"),
                ExtraDevice.parseFslMc("dpni.0:0x17@dprc.1"));
        assertEquals(new ExtraDevice(BusType.FSL_MC, "dprc.1", 23, "fsl-mc,dprc", false, null),
                ExtraDevice.parseFslMc("dprc.1:23"));
    }

    @Test
    void rejectsBadSpecsWithTheExpectedForm() {
        InputException pci = assertThrows(InputException.class, () -> ExtraDevice.parsePci("1:0.0"));
        assertEquals("--pci: error: bad device '1:0.0': expected BB:DD.F[=bridge|=pciVVVV,DDDD][@BB:DD.F], "
                + "e.g. 01:00.0=pci15b3,1017@00:00.0", pci.render());
        assertThrows(InputException.class, () -> ExtraDevice.parsePci("00:20.0"));
        InputException mc = assertThrows(InputException.class, () -> ExtraDevice.parseFslMc("dpni0:0x17"));
        assertEquals("--fsl-mc: error: bad device 'dpni0:0x17': expected TYPE.N:ICID[@dprc.N], e.g. dpni.0:0x17@dprc.1",
                mc.render());
    }
}
