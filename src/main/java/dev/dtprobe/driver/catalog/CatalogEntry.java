package dev.dtprobe.driver.catalog;

import dev.dtprobe.driver.DriverSpec;
import java.util.Objects;

/**
 * One driver of the catalog and how this kernel builds it.
 *
 * @param spec               what the driver matches, when it registers and what its probe acquires
 * @param build              built in, module or absent
 * @param moduleLoadSeconds  when {@code build} is {@link Build#MODULE}: seconds after boot at which
 *                           user space loads the module; null means it is never loaded. Always null
 *                           for the other builds.
 */
public record CatalogEntry(DriverSpec spec, Build build, Double moduleLoadSeconds) {

    public CatalogEntry {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(build, "build");
        if (build != Build.MODULE) {
            moduleLoadSeconds = null;
        }
    }

    public static CatalogEntry builtin(DriverSpec spec) {
        return new CatalogEntry(spec, Build.BUILTIN, null);
    }

    public String name() {
        return spec.name();
    }

    /** True when the driver registers at all: built in, or a module that user space loads. */
    public boolean registers() {
        return build == Build.BUILTIN || (build == Build.MODULE && moduleLoadSeconds != null);
    }

    /** True for the synthesised generic driver (see {@link GenericDriver}). */
    public boolean isGeneric() {
        return GenericDriver.isGenericName(spec.name());
    }

    public CatalogEntry withBuild(Build newBuild, Double loadSeconds) {
        return new CatalogEntry(spec, newBuild, loadSeconds);
    }
}
