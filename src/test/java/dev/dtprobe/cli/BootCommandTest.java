package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtprobe boot} and {@code dtprobe why} through the command line, good and bad input. */
class BootCommandTest {
    private static final String XEN = "samples/seeds/xen-grant-dma.dts";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void bootPrintsTheLogThenTheSummary() {
        Run r = run("boot", XEN, "--kernel", "6.1", "--fault", "missing:xen-grant-dma-iommu");
        assertEquals(0, r.exit(), r.err());
        int logLine = r.out().indexOf("virtio-mmio 2000000.virtio: deferred probe timeout, ignoring dependency");
        int summary = r.out().indexOf("Summary: 2 devices: 1 bound (1 after the deferred-probe timeout)");
        assertTrue(logLine > 0 && summary > logLine, r.out());
        assertTrue(r.out().contains("xen-grant-dma: driver xen-grant-dma-iommu for \"xen,grant-dma\" is not built"), r.out());
        assertFalse(r.out().contains("Retrying from deferred list"), "debug lines only with --debug");
        assertTrue(run("boot", XEN, "--debug").out().contains("driver bound"));
    }

    @Test
    void bootWritesJsonAtomically() throws Exception {
        Path json = dir.resolve("run.json");
        Run r = run("boot", XEN, "--json", json.toString(), "--no-log");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertEquals("boot/1", root.get("dtprobeFormat").asText());
        assertEquals("6.6", root.get("kernel").get("version").asText());
        assertTrue(r.out().startsWith("\nSummary:"), r.out());
    }

    @Test
    void whyPrintsTheChain() {
        Run r = run("why", "samples/scenarios/s04-iommu-probe-enodev.dts", "-I", "samples/include",
                "--drivers", "samples/scenarios/drivers.yaml", "--fault", "fail:arm-smmu:-ENODEV",
                "--cmdline", "fw_devlink.strict=1", "/soc/mmc@2000");
        assertEquals(0, r.exit(), r.err());
        assertEquals("mmc@2000 <- iommu@1000: probe by arm-smmu failed with -ENODEV", r.out().lines().findFirst().orElse(""));
        assertTrue(r.out().contains("  mmc@2000: waits for supplier /soc/iommu@1000 (fw_devlink, iommus)"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertBad(run("boot", "nope.dts"), "nope.dts: error: cannot read input: No such file or directory");
        assertBad(run("boot", XEN, "--kernel", "six"), "--kernel: error: bad kernel version 'six': expected MAJOR.MINOR, e.g. 5.10 or 6.1");
        assertBad(run("boot", XEN, "--cmdline", "fw_devlink=maybe"),
                "--cmdline: error: bad parameter 'fw_devlink=maybe': expected off, permissive, on or rpm");
        assertBad(run("boot", XEN, "--arch", "mips"), "--arch: error: unknown architecture 'mips': expected arm64 or arm");
        assertBad(run("boot", XEN, "--pci", "1:0.0"),
                "--pci: error: bad device '1:0.0': expected BB:DD.F[=bridge|=pciVVVV,DDDD][@BB:DD.F], e.g. 01:00.0=pci15b3,1017@00:00.0");
        Run why = run("why", XEN, "nosuch");
        assertBad(why, XEN + ": error: no device 'nosuch' in this boot (use a device name, node path, node name or label)");
        Run fault = run("boot", XEN, "--fault", "explode:virtio-mmio");
        assertEquals(2, fault.exit());
        assertEquals(1, fault.err().strip().lines().count(), fault.err());
    }

    private static void assertBad(Run r, String line) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(line, r.err().strip());
    }
}
