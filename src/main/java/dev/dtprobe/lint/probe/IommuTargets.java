package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.iommu.IommuKind;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node named as an IOMMU ({@code iommus} or {@code iommu-map} target) is, in the terms
 * {@code of_iommu} and the run's driver catalog use: the rules that check IOMMU references share it.
 */
final class IommuTargets {
    static final String XEN_GRANT_DMA = "xen,grant-dma";

    private IommuTargets() {
    }

    static List<String> compatibles(Node n) {
        Property p = n.property("compatible");
        return p == null ? List.of() : p.value().strings();
    }

    static boolean isXenGrantDma(Node n) {
        return compatibles(n).contains(XEN_GRANT_DMA);
    }

    /**
     * The IOMMU kind the catalog's first IOMMU driver for the node registers, or null when no
     * known driver (of any build) registers an IOMMU for it.
     */
    static IommuKind kindOf(Node target, DriverCatalog catalog) {
        for (CatalogEntry e : iommuDrivers(target, catalog)) {
            return e.spec().iommu();
        }
        return null;
    }

    /** The catalog's drivers for the node that register an IOMMU when bound. */
    static List<CatalogEntry> iommuDrivers(Node target, DriverCatalog catalog) {
        List<CatalogEntry> out = new ArrayList<>();
        List<String> compatibles = compatibles(target);
        if (compatibles.isEmpty()) {
            return out;
        }
        for (CatalogEntry e : catalog.matchingNode(compatibles)) {
            if (e.spec().iommu() != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Why the node cannot serve as an IOMMU, or null when it can (or when only the boot can tell:
     * an unknown compatible may be an IOMMU whose driver the catalog lacks). Disabled nodes are
     * not judged here (see {@link #isDisabled}).
     *
     * @param catalog the run's catalog, or null when the run does not boot
     */
    static String notAnIommu(Node target, DriverCatalog catalog) {
        if (target.property("#iommu-cells") == null) {
            return "it has no #iommu-cells, so it is not an IOMMU (the kernel logs \"could not get "
                    + "#iommu-cells\" and the consumer gets no IOMMU)";
        }
        List<String> compatibles = compatibles(target);
        if (compatibles.isEmpty()) {
            return "it has no compatible, so no driver can ever register it as an IOMMU";
        }
        if (catalog == null || isXenGrantDma(target)) {
            return null;
        }
        List<CatalogEntry> drivers = catalog.matchingNode(compatibles);
        if (drivers.isEmpty() || drivers.stream().anyMatch(CatalogEntry::isGeneric)
                || drivers.stream().anyMatch(e -> e.spec().iommu() != null)) {
            return null;
        }
        return "its driver " + drivers.get(0).name() + " is not an IOMMU driver (it never calls "
                + "iommu_device_register), so consumers wait for an IOMMU that never registers";
    }

    static boolean isDisabled(Node n) {
        return !DeviceGraph.isAvailable(n);
    }

    static String statusText(Node n) {
        Property p = n.property("status");
        return p == null ? "" : " (status = \"" + p.value().firstString() + "\")";
    }
}
