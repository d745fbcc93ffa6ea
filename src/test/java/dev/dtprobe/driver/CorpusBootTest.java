package dev.dtprobe.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.testutil.Corpus;
import dev.dtprobe.tree.DeviceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #3, point 3: every arm64 board of the v5.7 corpus and every QEMU DTB boots to the end
 * with the bundled catalog, under the reference kernel and under v5.10, with no internal error;
 * and the simulation's own invariants hold on each.
 */
class CorpusBootTest {
    private static final DriverCatalog CATALOG = DriverCatalog.bundled();
    private static final SourceCache CACHE = new SourceCache();
    private static final List<KernelProfile> PROFILES = List.of(
            KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION),
            KernelProfile.forVersion(new KernelVersion(5, 10)));

    @TestFactory
    Stream<DynamicTest> everyArm64BoardBoots() {
        assumeTrue(Corpus.available(), "../shared/corpus not present");
        return Corpus.arm64Boards().stream().map(b -> DynamicTest.dynamicTest(Corpus.relName(b), () -> {
            DeviceTree tree;
            try {
                tree = new TreeLoader(new LoadOptions(Corpus.kbuildIncludes(b), List.of(), List.of(), false, 0L), CACHE)
                        .load(b).tree();
            } catch (InputException e) {
                abort("board does not build from the corpus: " + e.render());
                return;
            }
            for (KernelProfile p : PROFILES) {
                checkInvariants(new BootSimulation(p, CATALOG).run(tree));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyQemuDtbBoots() throws IOException {
        assumeTrue(Files.isDirectory(Corpus.qemu()), "../shared/corpus/qemu not present");
        List<Path> dtbs;
        try (Stream<Path> s = Files.list(Corpus.qemu())) {
            dtbs = s.filter(p -> p.toString().endsWith(".dtb")).sorted().toList();
        }
        assertFalse(dtbs.isEmpty());
        return dtbs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            DeviceTree tree = new TreeLoader(LoadOptions.defaults()).load(d).tree();
            for (KernelProfile p : PROFILES) {
                BootResult r = new BootSimulation(p, CATALOG).run(tree);
                checkInvariants(r);
                assertTrue(r.withState(DeviceState.BOUND).size() > 5, "QEMU virt binds its platform devices");
            }
        }));
    }

    /** What must hold after any boot, whatever the board. */
    static void checkInvariants(BootResult r) {
        assertFalse(r.devices().isEmpty(), "no devices populated");
        long last = -1;
        for (var line : r.log()) {
            assertTrue(line.timeMicros() >= last, "log goes back in time at " + line.render());
            last = line.timeMicros();
        }
        for (Device d : r.devices()) {
            if (d.state() == DeviceState.BOUND) {
                assertTrue(d.driver() != null && d.boundMicros() >= 0, d.name());
                assertFalse(r.stillDeferred(d), d.name() + " bound but still on a deferred list");
                assertTrue(d.dmaOps() != DmaOps.NONE, d.name() + " bound without DMA ops");
            }
            if (r.iommu().group(d) != null) {
                assertTrue(r.iommu().group(d).devices().contains(d), d.name());
                var port = r.iommu().dmaPort(d);
                if (port != null) {
                    // a modelled translator: the default domain (shared within the group) takes a
                    // mapping at an IOVA of this device's own, and the device's DMA then reaches it
                    long iova = 0x1000_0000L + d.index() * 0x1000L;
                    assertEquals(0, port.map(iova, 0x8000_0000L, 0x1000, true, true), d.name());
                    var hit = port.translate(iova + 0x10, false);
                    assertEquals(0x8000_0010L, hit.pa(), d.name() + ": " + hit.render());
                }
            }
            if (d.state() != DeviceState.BOUND && !d.isPopulatedBus()) {
                assertFalse(r.why(d).steps().isEmpty(), d.name());
            }
            assertEquals(d.probeAttempts() >= d.deferCount(), true, d.name() + " deferred more often than probed");
        }
    }
}
