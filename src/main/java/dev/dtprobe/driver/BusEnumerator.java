package dev.dtprobe.driver;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What bus drivers find when they probe (§6, §9 S24): a PCI host bridge enumerates the
 * functions below it (DT children, then the user's {@code --pci} list), the fsl-mc bus the
 * objects of its management complex (the user's {@code --fsl-mc} list), containers first.
 */
final class BusEnumerator {

    /** The driver core's {@code device_add} and its device lookup by name. */
    interface Devices {
        Device add(String name, Node node, BusType bus, Device parent, int rid, Node idMapNode, Device upstream,
                Consumer<Device> setup);

        Device find(String name);
    }

    private final Devices devices;
    private List<ExtraDevice> extraDevices = List.of();
    private boolean pciListUsed;

    BusEnumerator(Devices devices) {
        this.devices = devices;
    }

    static boolean isFslMcBus(Node node) {
        return DevicePopulator.compatibles(node).contains("fsl,qoriq-mc");
    }

    static boolean isPciHost(Node node) {
        Property type = node.property("device_type");
        return type != null && "pci".equals(type.value().firstString()) && node.parent() != null
                && node.parent().property("device_type") == null;
    }

    /**
     * The host bridge driver enumerates its buses: ports before the endpoints behind them. The
     * functions come from the DT children of the host node and, for the first host bridge, from
     * the user's {@code --pci} list.
     */
    void enumeratePci(Device host) {
        int domain = pciDomain(host.node());
        Map<Node, Device> bridgeOf = new HashMap<>();
        DevicePopulator.forEachPciNode(host.node(), path -> {
            Node fn = path.get(path.size() - 1);
            long hi = fn.property("reg").value().cellAt(0);
            int bus = (int) ((hi >> 16) & 0xff);
            int devfn = (int) ((hi >> 8) & 0xff);
            String name = String.format("%04x:%02x:%02x.%d", domain, bus, devfn >> 3, devfn & 7);
            Device upstream = path.size() > 1 ? bridgeOf.get(path.get(path.size() - 2)) : null;
            Property type = fn.property("device_type");
            boolean bridge = type != null && "pci".equals(type.value().firstString());
            Device d = addPciDevice(name, fn, host, (bus << 8) | devfn, upstream, bridge, null);
            if (d != null) {
                bridgeOf.put(fn, d);
            }
        });
        if (!pciListUsed) {
            pciListUsed = true;
            String prefix = String.format("%04x:", domain);
            for (ExtraDevice e : extraDevices) {
                if (e.bus() == BusType.PCI) {
                    Device upstream = e.upstream() == null ? null : byName(prefix + e.upstream());
                    addPciDevice(prefix + e.name(), null, host, e.id(), upstream, e.bridge(), e.compatible());
                }
            }
        }
    }

    private Device addPciDevice(String name, Node node, Device host, int rid, Device upstream, boolean bridge,
            String compatible) {
        return devices.add(name, node, BusType.PCI, upstream != null ? upstream : host, rid, host.node(), upstream,
                d -> {
                    d.pciBridge = bridge;
                    if (compatible != null) {
                        d.compatibles = List.of(compatible);
                    }
                });
    }

    /**
     * The fsl-mc bus driver creates the objects the management complex reports: the user's
     * {@code --fsl-mc} list, containers before the objects inside them (§9 S24).
     */
    void enumerateFslMc(Device bus) {
        for (ExtraDevice e : extraDevices) {
            if (e.bus() != BusType.FSL_MC) {
                continue;
            }
            Device container = e.upstream() == null ? null : byName(e.upstream());
            devices.add(e.name(), null, BusType.FSL_MC, container != null ? container : bus, e.id(), bus.node(),
                    container, d -> d.compatibles = List.of(e.compatible()));
        }
    }

    private Device byName(String name) {
        return devices.find(name);
    }

    void setExtraDevices(List<ExtraDevice> list) {
        this.extraDevices = List.copyOf(list);
    }

    private static int pciDomain(Node host) {
        Property p = host.property("linux,pci-domain");
        return p != null && p.value().length() == 4 ? (int) p.value().cellAt(0) : 0;
    }
}
