package dev.dtprobe.report.html;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.tree.SyntheticBoard;
import java.nio.file.Path;

/** Boots the reports are drawn from: the Xen grant seed under a kernel, and a generated board. */
final class HtmlFixtures {
    private HtmlFixtures() {
    }

    /** samples/seeds/xen-grant-dma.dts: the virtio device waits for a grant-DMA IOMMU (5.10: none). */
    static BootResult xenSeed(String kernel) {
        var tree = new TreeLoader(LoadOptions.defaults()).load(Path.of("samples/seeds/xen-grant-dma.dts")).tree();
        return new BootSimulation(KernelProfile.forVersion(KernelVersion.parse(kernel)), DriverCatalog.bundled())
                .run(tree);
    }

    /** A generated board of {@code n} devices with random clock dependencies (bound by the generic driver). */
    static BootResult synthetic(int n) {
        return new BootSimulation(KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION), DriverCatalog.bundled())
                .run(SyntheticBoard.generate(n, 2, 7));
    }
}
