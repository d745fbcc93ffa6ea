package dev.dtprobe.frontend.dtb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.tree.DeviceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Byte-exact round trips against dtc's own output. */
class DtbOracleTest {

    /** Every kernel v5.7 arm64 reference DTB (made by dtc 1.6.1) reads and re-writes identically. */
    @TestFactory
    Stream<DynamicTest> referenceDtbsRoundTrip() {
        List<Path> files = Dtc.referenceDtbs();
        assumeFalse(files.isEmpty(), "reference corpus absent");
        assertEquals(338, files.size(), "expected the 338 arm64 reference DTBs");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            byte[] blob = Files.readAllBytes(f);
            DeviceTree t = DtbReader.read(blob, f.toString());
            assertArrayEquals(blob, DtbWriter.write(t), f.toString());
        }));
    }

    /** QEMU's padded blobs: re-written like {@code dtc -I dtb -O dtb} (no padding). */
    @TestFactory
    Stream<DynamicTest> qemuDtbsMatchDtcRewrite() {
        List<Path> files = Dtc.qemuDtbs();
        assumeFalse(files.isEmpty(), "qemu corpus absent");
        assumeTrue(Dtc.available(), "dtc 1.6.1 not installed");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            byte[] blob = Files.readAllBytes(f);
            byte[] expected = Dtc.run("-I", "dtb", "-O", "dtb", f.toString());
            DeviceTree t = DtbReader.read(blob, f.toString());
            assertArrayEquals(expected, DtbWriter.write(t), f.toString());
            // and the rewritten blob is itself a fixed point
            assertArrayEquals(expected, DtbWriter.write(DtbReader.read(expected, "rewritten")));
        }));
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
