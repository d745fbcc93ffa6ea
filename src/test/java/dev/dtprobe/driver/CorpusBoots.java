package dev.dtprobe.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.testutil.Corpus;
import java.nio.file.Path;
import java.util.List;

/** Boots a corpus board with the bundled catalog and the default kernel, for the corpus binding tests. */
final class CorpusBoots {
    private static final KernelProfile KERNEL = KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION);

    private CorpusBoots() {
    }

    /** {@code board} is relative to {@code src/arm64}, without {@code .dts}; skips without the corpus. */
    static BootResult boot(String board) {
        assumeTrue(Corpus.available(), "../shared/corpus not present");
        Path dts = Corpus.linux().resolve("src/arm64/" + board + ".dts");
        var tree = new TreeLoader(new LoadOptions(Corpus.kbuildIncludes(dts), List.of(), List.of(), false, 0L))
                .load(dts).tree();
        return new BootSimulation(KERNEL, DriverCatalog.bundled()).run(tree);
    }

    static void assertBound(BootResult r, String device, String driver) {
        Device d = r.find(device);
        assertNotNull(d, device);
        assertEquals(DeviceState.BOUND, d.state(), device + ": " + r.why(d).steps());
        assertEquals(driver, d.driver().name(), device);
    }
}
