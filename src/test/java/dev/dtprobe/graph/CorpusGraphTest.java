package dev.dtprobe.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.testutil.Corpus;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every arm64 board of the v5.7 corpus builds a graph and yields suppliers for every node without
 * throwing, every supplier is a live node of the same tree; juno's PCIe host is checked by hand.
 * Boards that include files from {@code src/arm/} (absent from the corpus) are skipped.
 */
class CorpusGraphTest {
    private static final Pattern MISSING = Pattern.compile("([^ :']+): No such file or directory");
    private static final SourceCache CACHE = new SourceCache();

    private static Path linux() {
        return Corpus.linux();
    }

    private static DeviceTree load(Path board) {
        LoadOptions options = new LoadOptions(List.of(board.getParent(), linux().resolve("src/arm64"),
                linux().resolve("include"), linux().resolve("src")), List.of(), List.of(), false, null);
        try {
            return new TreeLoader(options, CACHE).load(board).tree();
        } catch (InputException e) {
            Matcher m = MISSING.matcher(e.getMessage());
            if (m.find() && m.group(1).startsWith("arm/") && !Files.exists(linux().resolve("src").resolve(m.group(1)))) {
                abort("corpus lacks " + m.group(1));
            }
            throw e;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyArm64BoardBuildsAGraph() {
        assumeTrue(Files.isDirectory(linux().resolve("src/arm64")), "corpus not present");
        return Corpus.arm64Boards().stream().map(b -> DynamicTest.dynamicTest(Corpus.relName(b), () -> check(b)));
    }

    private static void check(Path board) {
        DeviceTree tree = load(board);
        DeviceGraph g = new DeviceGraph(tree);
        List<Node> nodes = new ArrayList<>();
        tree.forEachLiveNode(nodes::add);
        int links = 0;
        for (Node n : nodes) {
            for (SupplierRef r : g.suppliers(n)) {
                assertTrue(isInTree(tree, r.supplier()), r + " supplier outside the tree");
                assertTrue(isInTree(tree, r.consumer()), r + " consumer outside the tree");
                links++;
            }
            g.interruptParent(n);
            if (n.property("iommus") != null) {
                g.parse(n, "iommus", "#iommu-cells");
            }
            if (n.property("iommu-map") != null) {
                g.mapId(n, "iommu-map", 0);
            }
        }
        // every board has at least a CPU/GIC/timer: some interrupts resolve
        assertTrue(links > 0, board + ": no supplier links at all");
    }

    private static boolean isInTree(DeviceTree tree, Node n) {
        Node top = n;
        while (top.parent() != null) {
            assertTrue(!top.isDeleted(), n + " is deleted");
            top = top.parent();
        }
        return top == tree.root();
    }

    /**
     * juno.dts, /pcie@40000000 (juno-base.dtsi lines 535-557), read by hand:
     * interrupt-map has 4 entries, each <0 0 0 N &gic 0 0 GIC_SPI x y>: the parent is the GIC
     * (#address-cells 2, #interrupt-cells 3), so 4 links to the GIC; msi-parent = <&v2m_0> and v2m@0
     * has no #msi-cells (fw_devlink reads that as 0 args), so 1 link; iommu-map = <0 &smmu_pcie 0 1>,
     * 1 optional link. No other property of the node is a supplier binding (device_type, ranges,
     * dma-coherent, iommu-map-mask, ...). The SMMU itself has two GIC SPIs and no parent of its
     * own, so it inherits the root's interrupt-parent = <&gic>: 2 links.
     */
    @Test
    void junoPcieHostSuppliersByHand() {
        Path juno = linux().resolve("src/arm64/arm/juno.dts");
        assumeTrue(Files.exists(juno), "corpus not present");
        DeviceTree tree = load(juno);
        DeviceGraph g = new DeviceGraph(tree);
        Node pcie = tree.nodeAtPath("/pcie@40000000");
        String gic = "/interrupt-controller@2c010000";
        assertEquals(List.of(
                "interrupt-map -> " + gic, "interrupt-map -> " + gic, "interrupt-map -> " + gic,
                "interrupt-map -> " + gic,
                "msi-parent -> " + gic + "/v2m@0",
                "iommu-map -> /iommu@2b500000 optional"),
                g.suppliers(pcie).stream().map(r -> r.property() + " -> " + r.supplier().path()
                        + (r.optional() ? " optional" : "")).toList());
        assertEquals(List.of("interrupts -> " + gic, "interrupts -> " + gic),
                g.suppliers(tree.nodeAtPath("/iommu@2b500000")).stream()
                        .map(r -> r.property() + " -> " + r.supplier().path()).toList());
        // iommu-map-mask = <0>: every RID maps to stream 0 of smmu_pcie
        IdMapping m = g.mapId(pcie, "iommu-map", 0x0300);
        assertEquals(IdMapping.Kind.MAPPED, m.kind());
        assertSame(tree.nodeAtPath("/iommu@2b500000"), m.target());
        assertEquals(0, m.id());
        // PCI legacy INTx: interrupt-map is for children, the host's own interrupt parent is the GIC
        assertEquals(gic, g.interruptParent(pcie).path());
    }
}
