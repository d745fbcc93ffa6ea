package dev.dtprobe.cli;

import static dev.dtprobe.cli.SampleRuns.device;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.iommu.DmaPort;
import dev.dtprobe.iommu.DmaResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * After boot, DMA goes through the translator state the IOMMU drivers programmed at probe
 * (issue #4 must-show 3): SMMUv3 STEs for a PCI function of the QEMU sample, one shared IPMMU
 * domain for two masters, and Xen grant addresses.
 */
class DmaCommandTest {

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void pciFunctionTranslatesThroughTheSteProgrammedAtProbe() {
        String out = run("dma", "samples/qemu-virt-smmuv3.dts", "-I", "samples/include",
                "--pci", "00:01.0=pci1af4,1041", "--device", "0000:00:01.0",
                "--map", "0x10000000:0x48000000:0x200000:rw", "--map", "0x20000000:0x50000000:0x1000:r",
                "--translate", "0x10001234:w", "--translate", "0x20000010:w", "--translate", "0x30000000");
        // RID 00:01.0 = 0x0008, iommu-map <0x0 &smmu 0x0 0x10000> -> StreamID 0x8
        assertEquals(String.join("\n",
                "0000:00:01.0: SMMUv3 /iommu@9050000, StreamID 0x8, S1 domain ASID 1",
                "map 0x10000000 -> 0x48000000 size 0x200000 rw: ok",
                "map 0x20000000 -> 0x50000000 size 0x1000 r: ok",
                "write 0x10001234: PA 0x48001234 (rw, 2M page)",
                "write 0x20000010: fault: SMMUv3 event F_PERMISSION (0x13) StreamID 0x8 address 0x20000010",
                "read 0x30000000: fault: SMMUv3 event F_TRANSLATION (0x10) StreamID 0x8 address 0x30000000",
                ""), out);
    }

    @Test
    void smmuV2StreamGoesThroughTheContextBankArmSmmuSetUp() {
        String out = run("dma", "samples/scenarios/s01-iommu-first.dts", "-I", "samples/include",
                "--drivers", "samples/scenarios/drivers.yaml", "--device", "2000.mmc",
                "--map", "0x1000:0x80001000:0x1000:rw", "--translate", "0x1234", "--translate", "0x5000");
        assertEquals(String.join("\n",
                "2000.mmc: SMMU /soc/iommu@1000, stream ID 0x10, context bank 0",
                "map 0x1000 -> 0x80001000 size 0x1000 rw: ok",
                "read 0x1234: PA 0x80001234 (rw, 4K page)",
                "read 0x5000: fault: SMMU TRANSLATION fault, stream ID 0x10, address 0x5000",
                ""), out);
    }

    @Test
    void scriptRunsStepsInOrderAndShowsTheStaleTlbUntilInvalidated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path script = dir.resolve("steps.json");
        java.nio.file.Files.writeString(script, """
                [ {"op": "map", "iova": "0x1000", "pa": "0x80001000", "size": "0x1000", "perm": "rw"},
                  {"op": "translate", "iova": "0x1010"},
                  {"op": "invalidate"},
                  {"op": "unmap", "iova": "0x1000", "size": 4096},
                  {"op": "translate", "iova": "0x1010", "access": "w"} ]
                """);
        String out = run("dma", "samples/scenarios/s01-iommu-first.dts", "-I", "samples/include",
                "--drivers", "samples/scenarios/drivers.yaml", "--device", "2000.mmc", "--script", script.toString(),
                "--json");
        com.fasterxml.jackson.databind.JsonNode steps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out)
                .get("steps");
        assertEquals("OK", steps.get(1).get("kind").asText());
        assertEquals("0x80001010", steps.get(1).get("pa").asText());
        assertEquals("0x1000", steps.get(3).get("unmapped").asText());
        // arm-smmu's unmap invalidates at once (strict mode), so the access after it faults
        assertEquals("FAULT", steps.get(4).get("kind").asText());

        java.nio.file.Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "[ {\"op\": \"map\", \"iova\": 1,\n  }");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "dma", "samples/seeds/xen-grant-dma.dts",
                "--device", "2000000.virtio", "--script", bad.toString());
        assertEquals(2, code);
        assertTrue(err.toString().startsWith(bad + ":2:3: error: bad JSON"), err.toString());
    }

    @Test
    void twoMastersOfOneIpmmuSeeTheSameMapping() {
        BootCommand cmd = new BootCommand();
        new CommandLine(cmd).parseArgs("samples/scenarios/s18-ipmmu-shared-domain.dts", "-I", "samples/include",
                "--drivers", "samples/scenarios/drivers.yaml");
        BootResult r = cmd.options.boot();
        DmaPort sdhi0 = r.iommu().dmaPort(device(r, "ee100000.mmc"));
        DmaPort sdhi1 = r.iommu().dmaPort(device(r, "ee120000.mmc"));
        assertEquals(0, sdhi0.map(0x1000_0000L, 0x4_8000_0000L, 0x1000, true, true));
        DmaResult seen = sdhi1.translate(0x1000_0abcL, false);
        assertEquals(DmaResult.Kind.OK, seen.kind());
        assertEquals(0x4_8000_0abcL, seen.pa());
        assertEquals(seen, sdhi0.translate(0x1000_0abcL, false));
        // the master outside the allow-list has no IOMMU: its DMA is direct
        assertEquals(DmaResult.Kind.DIRECT, r.iommu().dmaPort(device(r, "e6800000.ethernet")).translate(0x1000, false).kind());
    }

    @Test
    void xenGrantAddressesDecodeToTheGrantedPages() {
        String out = run("dma", "samples/seeds/xen-grant-dma.dts", "--kernel", "6.1", "--device", "2000000.virtio",
                "--map", "0:0x40000f00:0x200:rw", "--translate", "0x8000000000008f00:w",
                "--translate", "0x8000000000009000", "--translate", "0x40000f00");
        assertTrue(out.startsWith("2000000.virtio: Xen grant DMA, backend domain 1\n"), out);
        // the first free refs are 8 and 9: 0x200 bytes at page offset 0xf00 span two 4 KiB pages
        assertTrue(out.contains("map 0x0 -> 0x40000f00 size 0x200 rw: ok, DMA address 0x8000000000008f00"), out);
        assertTrue(out.contains("write 0x8000000000008f00: PA 0x40000f00 (rw, 4K page)"), out);
        assertTrue(out.contains("read 0x8000000000009000: PA 0x40001000 (rw, 4K page)"), out);
        assertTrue(out.contains("read 0x40000f00: fault: grant denied (NOT_GRANT_ADDRESS)"), out);
    }
}
