package dev.dtprobe.report.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GraphExportTest {
    /** A consumer of a clock controller that is disabled, behind an IOMMU. */
    private static final String DTS = """
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                smmu: iommu@1000 { compatible = "arm,mmu-500"; reg = <0x1000 0x1000>; #iommu-cells = <1>; };
                cru: clock-controller@3000 { compatible = "acme,cru"; reg = <0x3000 0x100>; #clock-cells = <1>;
                    status = "disabled"; };
                mmc@2000 { compatible = "acme,sdhci"; reg = <0x2000 0x100>; clocks = <&cru 1>; iommus = <&smmu 5>; };
            };
            """;

    private static BootResult boot() {
        var tree = new TreeLoader(LoadOptions.defaults()).loadDts("g.dts", DTS).tree();
        return new BootSimulation(KernelProfile.forVersion(KernelVersion.parse("6.6")), DriverCatalog.bundled()).run(tree);
    }

    @Test
    void dotHasEveryDeviceAndEachSupplierEdgeLabelledWithItsProperty() {
        String dot = DotExport.write(DependencyGraph.of(boot()), "g \"quoted\".dts");
        assertTrue(dot.startsWith("digraph \"g \\\"quoted\\\".dts\" {"), dot);
        assertTrue(dot.contains("\"/soc/mmc@2000\"") || dot.contains("\"/mmc@2000\""), dot);
        assertTrue(dot.contains("-> \"/clock-controller@3000\" [label=\"clocks\""), dot);
        assertTrue(dot.contains("-> \"/iommu@1000\" [label=\"iommus\""), dot);
    }

    @Test
    void mermaidUsesGeneratedIdsAndQuotedLabels() {
        String mermaid = MermaidExport.write(DependencyGraph.of(boot()));
        assertTrue(mermaid.startsWith("flowchart"), mermaid);
        assertFalse(mermaid.contains("/mmc@2000 "), "paths are not Mermaid ids");
        assertTrue(mermaid.contains("|\"clocks\"|"), mermaid);
        assertTrue(mermaid.contains("class ") && mermaid.contains("unbound"), "the blocked consumer is marked: " + mermaid);
    }

    /** The Xen grant seed: from v5.19 the virtio device gets grant DMA ops; before, no IOMMU at all. */
    @Test
    void tooltipsSayWhereTheDmaGoes() {
        for (String[] c : new String[][] {{"6.1", "DMA through Xen grant ops (backend domid 1)"},
                {"5.10", "bound without its IOMMU (IOMMU /xen-grant-dma not registered, gave up waiting)"}}) {
            var tree = new TreeLoader(LoadOptions.defaults()).load(Path.of("samples/seeds/xen-grant-dma.dts")).tree();
            BootResult r = new BootSimulation(KernelProfile.forVersion(KernelVersion.parse(c[0])), DriverCatalog.bundled())
                    .run(tree);
            assertTrue(DotExport.write(DependencyGraph.of(r), "x").contains("tooltip=\"" + c[1] + "\""), c[0]);
        }
    }

    /** Graphviz itself accepts the file (where it is installed). */
    @Test
    void graphvizRendersTheDot() throws Exception {
        Path dotBinary = Path.of("/usr/bin/dot");
        assumeTrue(Files.isExecutable(dotBinary), "graphviz not installed");
        Path in = Files.createTempFile("dtprobe", ".dot");
        Files.writeString(in, DotExport.write(DependencyGraph.of(boot()), "g.dts"), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(List.of(dotBinary.toString(), "-Tsvg", in.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("<svg"), out);
        Files.delete(in);
    }
}
