package dev.dtprobe.driver;

import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.GenericDriver;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-in drivers a board needs ({@link GenericDriver}), each on the bus its device will be
 * on: I2C or SPI for a client of an adapter, and registering the adapter itself for an unknown
 * node shaped as an I2C or SPI controller.
 */
final class GenericDrivers {
    private final DriverCatalog catalog;

    GenericDrivers(DriverCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * With the generic driver on, one stand-in per unknown compatible: built in, registered at
     * device level after every known driver (the catalog gives them the last link order).
     */
    List<CatalogEntry> forTree(DeviceTree tree) {
        Map<String, CatalogEntry> out = new LinkedHashMap<>();
        if (!catalog.genericDriver()) {
            return List.of();
        }
        tree.forEachLiveNode(n -> {
            List<String> compatibles = DevicePopulator.compatibles(n);
            if (compatibles.isEmpty() || !DeviceGraph.isAvailable(n)) {
                return;
            }
            for (CatalogEntry e : catalog.matchingNode(compatibles)) {
                if (GenericDriver.isGenericName(e.spec().name())) {
                    BusType clientBus = clientBus(n);
                    BusType bus = clientBus == null ? e.spec().bus() : clientBus;
                    BusType adapterBus = controllerBus(n);
                    out.putIfAbsent(e.spec().name(), adapterBus != null ? GenericDriver.forController(compatibles, bus, adapterBus)
                            : clientBus != null ? GenericDriver.forNode(compatibles, clientBus) : e);
                }
            }
        });
        return new ArrayList<>(out.values());
    }

    /**
     * I2C or SPI when the node is a client of an adapter or controller that a catalog driver
     * populates on that bus (directly, under its {@code i2c-bus} subnode, or under an I2C mux
     * channel), so that a stand-in driver sits on the bus its device will be on; else null.
     */
    private BusType clientBus(Node node) {
        for (Node up = node.parent(); up != null; up = up.parent()) {
            for (CatalogEntry e : catalog.matchingNode(DevicePopulator.compatibles(up))) {
                if (e.spec().populatesChildren() && e.spec().childBus() != BusType.PLATFORM) {
                    return e.spec().childBus();
                }
                BusType generic = GenericDriver.isGenericName(e.spec().name()) ? controllerBus(up) : null;
                if (generic != null) {
                    return generic;
                }
            }
            if (!ClientDevices.isI2cContainer(up)) {
                return null;
            }
        }
        return null;
    }

    /**
     * I2C or SPI when a node the catalog has no driver for is an I2C or SPI controller as the
     * bindings require one to look (dt-schema's i2c-controller and spi-controller: node name
     * {@code i2c} or {@code spi}, one address cell and no size cell); else null. The generic
     * driver then registers the adapter, as the real driver would.
     */
    private static BusType controllerBus(Node node) {
        if (DeviceNaming.addressCells(node) != 1 || DeviceNaming.sizeCells(node) != 0) {
            return null;
        }
        return switch (node.baseName()) {
            case "i2c" -> BusType.I2C;
            case "spi" -> BusType.SPI;
            default -> null;
        };
    }
}
