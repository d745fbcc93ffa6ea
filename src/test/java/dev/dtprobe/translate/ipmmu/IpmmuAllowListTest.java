package dev.dtprobe.translate.ipmmu;

import dev.dtprobe.kernel.Errno;
import static dev.dtprobe.translate.ipmmu.IpmmuAllowList.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class IpmmuAllowListTest {
    @Test
    void nonOptInSocAllowsEverything() {
        assertTrue(deviceAllowed("r8a7791", "ES1.0", "e6ef0000.video", false));
        assertEquals(0, ofXlate("r8a7791", null, "anything", false));
    }

    @Test
    void gen3OptInSdhiAndPciOnly() {
        assertTrue(deviceAllowed("r8a77965", "ES1.0", "ee100000.mmc", false));
        assertTrue(deviceAllowed("r8a77965", "ES1.0", "0000:01:00.0", true));
        assertFalse(deviceAllowed("r8a77965", "ES1.0", "e6ef0000.video", false));
        assertEquals(-Errno.ENODEV, ofXlate("r8a77965", "ES1.0", "e6ef0000.video", false));
        assertTrue(deviceAllowed("r8a779f0", "ES1.0", "e65d0000.pcie", false));
    }

    @Test
    void denylist() {
        assertFalse(deviceAllowed("r8a7795", "ES2.0", "ee100000.mmc", false));
        assertFalse(deviceAllowed("r8a7795", "ES1.1", "0000:01:00.0", true));
        assertTrue(deviceAllowed("r8a7795", "ES3.0", "ee100000.mmc", false));
        assertFalse(deviceAllowed("r8a7796", "ES3.0", "ee100000.mmc", false));
        assertTrue(deviceAllowed("r8a77961", "ES1.0", "ee100000.mmc", false), "M3-W+ is not denied");
        assertFalse(deviceAllowed("r8a774a1", "ES1.0", "ee100000.mmc", false));
    }
}
