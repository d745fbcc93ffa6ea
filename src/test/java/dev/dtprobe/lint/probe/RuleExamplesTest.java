package dev.dtprobe.lint.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.driver.InitcallLevel;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.lint.LintRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example snippet in each probe rule's description triggers that rule (under the boot its
 * comment names), so the documentation generated from the metadata shows a real finding.
 */
class RuleExamplesTest {

    @Test
    void everyExampleTriggersItsRule() {
        DriverCatalog catalog = TestDrivers.sampleBoardWith(CatalogEntry.builtin(new DriverSpec("mlx5_core", List.of("pci15b3,1017"), BusType.PCI,
                        InitcallLevel.DEVICE, 70000, null, List.of(), false, null, false)));
        for (LintRule r : ProbeRules.all()) {
            String dts = r.info().example().replaceFirst("^/dts-v1/;", "");
            ProbeLint lint = ProbeLint.dts(dts).catalog(catalog);
            switch (r.id()) {
                case "dma-ownership-conflict" -> lint.bind("ee100000.mmc", "vfio-platform");
                case "xen-grant-dma-no-driver" -> lint.kernel("5.18");
                case "stale-dma-ops" -> lint.kernel("4.11").arch(KernelProfile.Arch.ARM);
                default -> { }
            }
            assertFalse(lint.lines(r.id()).isEmpty(), r.id() + ": its example reports nothing");
        }
    }
}
