package dev.dtprobe.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.frontend.dtb.DtbReader;
import dev.dtprobe.testutil.Corpus;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How much of the Linux v5.7 arm64 corpus the bundled catalog knows. Counts every enabled node
 * (the node and all its ancestors have status absent, "okay" or "ok") that has a compatible,
 * except the root, the /cpus subtree and operating-points-v2 tables; a node is covered when some
 * non-generic bundled driver lists one of its compatibles. Reads the corpus as compiled by the
 * reference dtc ({@code linux-v5.7-dtc-ref}, next to {@code linux-v5.7}).
 */
class CorpusCoverageTest {
    /** Measured: 83.9% (19,187 of 22,869 nodes, 338 boards) with 432 drivers; the floor leaves room for edits. */
    static final double FLOOR = 0.82;

    @Test
    void bundledCatalogCoversTheCorpus() throws IOException {
        Path src = Corpus.linux();
        Path dtbs = src.resolveSibling("linux-v5.7-dtc-ref").resolve("arm64");
        assumeTrue(Files.isDirectory(dtbs), "corpus not present: " + dtbs);
        DriverCatalog cat = DriverCatalog.bundled().withGenericDriver(false);
        long[] counts = new long[3];
        List<Path> files;
        try (Stream<Path> s = Files.walk(dtbs)) {
            files = s.filter(p -> p.toString().endsWith(".dtb")).sorted().toList();
        }
        for (Path f : files) {
            DeviceTree t = DtbReader.read(Files.readAllBytes(f), f.toString());
            counts[0]++;
            for (Node child : t.root().liveChildren()) {
                if (!child.name().equals("cpus")) {
                    visit(child, cat, counts);
                }
            }
        }
        double share = (double) counts[2] / counts[1];
        System.out.printf("driver catalog coverage: %d boards, %d enabled nodes with a compatible, "
                + "%d matched by a bundled driver (%.1f%%)%n", counts[0], counts[1], counts[2], share * 100);
        assertTrue(files.size() > 300, "boards: " + files.size());
        assertTrue(share >= FLOOR, String.format("coverage %.3f below floor %.2f", share, FLOOR));
    }

    private static void visit(Node n, DriverCatalog cat, long[] counts) {
        Property status = n.property("status");
        if (status != null) {
            String s = status.value().firstString();
            if (!s.equals("okay") && !s.equals("ok")) {
                return;
            }
        }
        Property compat = n.property("compatible");
        if (compat != null) {
            List<String> cs = compat.value().strings();
            if (!cs.isEmpty() && !cs.contains("operating-points-v2")) {
                counts[1]++;
                if (!cat.matchingNode(cs).isEmpty()) {
                    counts[2]++;
                }
            }
        }
        for (Node c : n.liveChildren()) {
            visit(c, cat, counts);
        }
    }
}
