package dev.dtprobe.diff;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.tree.DeviceTree;

/** Boots inline DTS with the bundled catalog (unknown compatibles get the generic driver). */
final class DiffFixture {
    private DiffFixture() {
    }

    static DeviceTree tree(String name, String dts) {
        return new TreeLoader(LoadOptions.defaults()).loadDts(name, dts).tree();
    }

    static BootResult boot(String name, String dts) {
        return boot(tree(name, dts));
    }

    static BootResult boot(DeviceTree tree) {
        return new BootSimulation(KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION), DriverCatalog.bundled()).run(tree);
    }
}
