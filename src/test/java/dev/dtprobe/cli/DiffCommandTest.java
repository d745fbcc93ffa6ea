package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dtprobe diff}: the four sample pairs give exactly the reports in samples/diff/expected
 * (checked by hand, see samples/diff/README.md), and the exit codes follow git diff.
 */
class DiffCommandTest {
    private static final String[] BOARD_OPTIONS = {"-I", "samples/include", "--drivers", "samples/diff/drivers.yaml"};

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("diff"));
        all.addAll(Arrays.asList(args));
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] board(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(BOARD_OPTIONS));
        return all.toArray(String[]::new);
    }

    /** The command is one of the sample's "Run:" lines, and prints exactly the golden report. */
    private static void assertGolden(String golden, String sample, String... args) throws IOException {
        String runLine = "./dtprobe diff " + String.join(" ", args);
        assertTrue(Files.readString(Path.of(sample)).contains(runLine) || Files.readString(Path.of("samples/diff/README.md"))
                .contains(runLine), "no Run: line for " + runLine);
        Run r = run(args);
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(Files.readString(Path.of("samples/diff/expected/" + golden)), r.out());
    }

    @Test
    void iommuDriverRemoved() throws IOException {
        assertGolden("iommu-driver-removed.txt", "samples/diff/board.dts",
                board("samples/diff/board.dts", "--b-fault", "missing:arm-smmu"));
    }

    @Test
    void supplierDisabled() throws IOException {
        assertGolden("supplier-disabled.txt", "samples/diff/board-cru-disabled.dts",
                board("samples/diff/board.dts", "samples/diff/board-cru-disabled.dts"));
    }

    @Test
    void overlayAddsIommus() throws IOException {
        assertGolden("overlay-adds-iommus.txt", "samples/diff/dpu-iommus.dtso",
                board("samples/diff/board.dts", "--overlay", "samples/diff/dpu-iommus.dtso"));
    }

    @Test
    void xenGrantOn510And61() throws IOException {
        assertGolden("xen-grant-5.10-vs-6.1.txt", "samples/seeds/xen-grant-dma.dts",
                "samples/seeds/xen-grant-dma.dts", "--a-kernel", "5.10", "--b-kernel", "6.1");
    }

    @Test
    void readmeShowsTheRealOverlayReport() throws IOException {
        String golden = Files.readString(Path.of("samples/diff/expected/overlay-adds-iommus.txt"));
        assertTrue(Files.readString(Path.of("README.md")).contains("$ ./dtprobe diff samples/diff/board.dts --overlay "
                + "samples/diff/dpu-iommus.dtso -I samples/include --drivers samples/diff/drivers.yaml\n" + golden + "```\n"));
    }

    @Test
    void defaultDomainAndDmaOwnershipChangesAreReported() {
        String domain = run(board("samples/diff/board.dts", "--b-cmdline", "iommu.passthrough=1")).out();
        assertTrue(domain.contains("Profile:\n  iommu.passthrough: 0 -> 1\n"), domain);
        assertTrue(domain.contains("IOMMU:\n  2000.mmc: default domain: DMA (Translated) -> IDENTITY (Passthrough)\n"), domain);
        // v5.19 added DMA ownership: VFIO's claim on the shared group now makes the second SDHI fail
        String owner = run("samples/seeds/dma-ownership-shared-group.dts", "-I", "samples/include", "--drivers",
                "samples/seeds/seed-drivers.yaml", "--bind", "ee100000.mmc=vfio-platform", "--a-kernel", "5.15",
                "--b-kernel", "6.6").out();
        assertTrue(owner.contains("  ee140000.mmc: bound to renesas_sdhi_internal_dmac -> failed (-EBUSY): "
                + "renesas_sdhi_internal_dmac refused with -EBUSY: iommu_device_use_default_domain: IOMMU group 0 is owned "
                + "by vfio-platform\n"), owner);
        assertTrue(owner.contains("  ee100000.mmc: DMA owner: not tracked before v5.19 -> vfio-platform\n"), owner);
    }

    @Test
    void exitCodeIsOneForADifferenceOnlyWhenAsked() {
        assertEquals(0, run(board("samples/diff/board.dts", "--b-fault", "missing:arm-smmu")).code());
        assertEquals(1, run(board("samples/diff/board.dts", "--b-fault", "missing:arm-smmu", "--exit-code")).code());
    }

    @Test
    void exitCodeIsZeroForTheSameBoot() {
        Run same = run(board("samples/diff/board.dts", "samples/diff/board.dts", "--exit-code"));
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().endsWith("Device tree: no changes.\n\nNo differences.\n"), same.out());
        // a profile change that changes nothing in the boot is not a difference either
        Run profileOnly = run(board("samples/diff/board.dts", "--a-cmdline", "loglevel=7", "--exit-code"));
        assertEquals(0, profileOnly.code(), profileOnly.out());
    }

    @Test
    void aDtbAndTheDtsItCameFromDoNotDiffer(@TempDir Path dir) {
        Path dtb = dir.resolve("board.dtb");
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "compile",
                "samples/diff/board.dts", "-I", "samples/include", "-o", dtb.toString()));
        Run r = run(board(dtb.toString(), "samples/diff/board.dts", "--exit-code"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().endsWith("Device tree: no changes.\n\nNo differences.\n"), r.out());
    }

    @Test
    void badBoardIsExitTwoWithFileLineColumn(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.dts");
        Files.writeString(bad, "/dts-v1/;\n/ {\n\tfoo = <1 2;\n};\n");
        Run r = run("samples/diff/board.dts", bad.toString(), "-I", "samples/include");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":3:"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void overlayThatDoesNotApplyIsExitTwoAtItsLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.dtso");
        Files.writeString(bad, "/dts-v1/;\n/plugin/;\n&nosuch { foo; };\n");
        Run r = run(board("samples/diff/board.dts", "--overlay", bad.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":3:1: error: cannot apply overlay"), r.err());
    }

    @Test
    void usageErrorsAreExitTwo() {
        Run nothing = run("samples/diff/board.dts");
        assertEquals(2, nothing.code());
        assertTrue(nothing.err().contains("nothing to compare"), nothing.err());
        Run both = run("samples/diff/board.dts", "samples/diff/board.dts", "--overlay", "samples/diff/dpu-iommus.dtso");
        assertEquals(2, both.code());
        Run threshold = run(board("samples/diff/board.dts", "--b-fault", "missing:arm-smmu", "--time-threshold", "soon"));
        assertEquals(2, threshold.code());
        assertTrue(threshold.err().contains("bad duration 'soon'"), threshold.err());
        Run kernel = run(board("samples/diff/board.dts", "--b-kernel", "9.x"));
        assertEquals(2, kernel.code());
        assertTrue(kernel.err().startsWith("--b-kernel: error: bad kernel version '9.x'"), kernel.err());
        Run overlay = run(board("samples/diff/board.dts", "--overlay", "samples/diff/no-such.dtso"));
        assertEquals(2, overlay.code());
        assertTrue(overlay.err().startsWith("samples/diff/no-such.dtso"), overlay.err());
        Run missing = run(board("samples/diff/board.dts", "samples/diff/no-such.dts"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no-such.dts"), missing.err());
    }

    @Test
    void timeThresholdIsParsedWithItsUnit() {
        assertEquals(100_000, DiffCommand.parseDuration("100ms"));
        assertEquals(500_000, DiffCommand.parseDuration("0.5s"));
        assertEquals(250, DiffCommand.parseDuration("250us"));
    }

    @Test
    void thresholdDecidesWhichBindTimesAreReported() {
        String[] overlay = board("samples/diff/board.dts", "--overlay", "samples/diff/dpu-iommus.dtso");
        assertFalse(run(overlay).out().contains("Bind time"));
        List<String> finer = new ArrayList<>(Arrays.asList(overlay));
        finer.addAll(List.of("--time-threshold", "10ms"));
        String out = run(finer.toArray(String[]::new)).out();
        // the display's bind times themselves move whenever the bundled catalog gains a driver
        assertTrue(out.matches("(?s).*Bind time \\(moved by 10 ms or more\\):\n  5000\\.display: \\d+\\.\\d{6} s -> .*"), out);
    }

    @Test
    void everySampleDiffValidatesAgainstTheSchema(@TempDir Path dir) throws Exception {
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/diff-json.schema.json")));
        List<String[]> commands = List.of(
                board("samples/diff/board.dts", "--b-fault", "missing:arm-smmu"),
                board("samples/diff/board.dts", "samples/diff/board-cru-disabled.dts"),
                board("samples/diff/board.dts", "--overlay", "samples/diff/dpu-iommus.dtso"),
                new String[] {"samples/seeds/xen-grant-dma.dts", "--a-kernel", "5.10", "--b-kernel", "6.1"});
        for (String[] c : commands) {
            Path file = dir.resolve("d.json");
            List<String> args = new ArrayList<>(Arrays.asList(c));
            args.addAll(List.of("--json", file.toString()));
            assertEquals(0, run(args.toArray(String[]::new)).code());
            var errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));
            assertTrue(errors.isEmpty(), Arrays.toString(c) + ": " + errors);
        }
    }

    @Test
    void jsonGoesToAFileAtomicallyAndTheTextStillPrints(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("diff.json");
        Run r = run(board("samples/diff/board.dts", "--b-fault", "missing:arm-smmu", "--json", file.toString()));
        assertEquals(0, r.code());
        assertTrue(Files.readString(file).contains("\"dtprobeFormat\" : \"diff/1\""));
        assertEquals(Files.readString(Path.of("samples/diff/expected/iommu-driver-removed.txt")), r.out());
    }
}
