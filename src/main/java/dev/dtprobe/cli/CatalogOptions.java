package dev.dtprobe.cli;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.KernelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which drivers the simulated kernel has: the bundled catalog, user catalogs, a .config. */
final class CatalogOptions {

    @Option(names = "--drivers", paramLabel = "FILE",
            description = "Driver catalog (JSON or YAML) merged over the bundled one; repeatable, later files win.")
    List<Path> drivers = new ArrayList<>();

    @Option(names = "--config", paramLabel = ".config",
            description = "Kernel .config: CONFIG_FOO=y|m|n decides which drivers are built in, modules or absent.")
    Path config;

    @Option(names = "--no-generic-driver",
            description = "Leave devices with unknown compatibles without a driver instead of a generic one.")
    boolean noGenericDriver;

    DriverCatalog catalog() {
        return catalog(drivers);
    }

    /** The bundled catalog with {@code driverFiles} merged in order, then the .config. */
    DriverCatalog catalog(List<Path> driverFiles) {
        DriverCatalog c = DriverCatalog.bundled();
        for (Path file : driverFiles) {
            c = c.merge(DriverCatalog.load(file));
        }
        if (config != null) {
            c = c.withConfig(KernelConfig.parse(config));
        }
        return c.withGenericDriver(!noGenericDriver);
    }
}
