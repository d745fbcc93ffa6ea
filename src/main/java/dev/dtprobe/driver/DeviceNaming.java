package dev.dtprobe.driver;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * Device names as {@code of_device_make_bus_id} builds them: {@code "<translated address>.<node
 * name>"} when the first {@code reg} entry translates to a CPU address, else the node's full name
 * prefixed with its parents' names ({@code "soc:leds"}).
 */
final class DeviceNaming {
    private static final long BAD_ADDR = -1;

    private DeviceNaming() {
    }

    static String platformName(Node node) {
        String name = null;
        for (Node n = node; n.parent() != null; n = n.parent()) {
            long addr = translatedRegAddress(n);
            if (addr != BAD_ADDR) {
                String own = Long.toHexString(addr) + "." + n.baseName();
                return name == null ? own : own + ":" + name;
            }
            name = name == null ? n.name() : n.name() + ":" + name;
        }
        return name;
    }

    /**
     * {@code i2c_dev_set_name}: {@code "<adapter>-<address>"} with the address in four hex digits,
     * 0xa000 added for a 10-bit address and 0x1000 for an own-slave address (the flags the
     * binding puts in bits 31 and 30 of {@code reg}); null when {@code reg} is missing or short,
     * where {@code of_i2c_register_device} fails with "invalid reg".
     */
    static String i2cClientName(Node node, int adapter) {
        long cell = firstRegCell(node);
        if (cell < 0) {
            return null;
        }
        long addr = cell & 0x3fff_ffffL;
        if ((cell & 1L << 31) != 0) {
            addr |= 0xa000;
        }
        if ((cell & 1L << 30) != 0) {
            addr |= 0x1000;
        }
        return adapter + "-" + String.format(java.util.Locale.ROOT, "%04x", addr);
    }

    /**
     * {@code spi_dev_set_name}: {@code "spi<bus>.<chip select>"}, the chip select being the first
     * {@code reg} cell; null without one ("has no valid 'reg' property").
     */
    static String spiDeviceName(Node node, int busNumber) {
        long cs = firstRegCell(node);
        return cs < 0 ? null : "spi" + busNumber + "." + cs;
    }

    /** The first cell of {@code reg} (unsigned), or -1 when there is none. */
    private static long firstRegCell(Node node) {
        Property reg = node.property("reg");
        return reg == null || reg.value().length() < 4 ? -1 : reg.value().cellAt(0);
    }

    /** The CPU physical address of the first {@code reg} entry, or -1 if it does not translate. */
    static long translatedRegAddress(Node node) {
        Property reg = node.property("reg");
        Node parent = node.parent();
        if (reg == null || parent == null) {
            return BAD_ADDR;
        }
        int na = addressCells(parent);
        if (na < 1 || na > 2 || reg.value().length() < na * 4) {
            return BAD_ADDR;
        }
        long addr = readCells(reg.value().bytesUnsafe(), 0, na);
        // walk up through each bus's ranges until the root
        for (Node bus = parent; bus.parent() != null; bus = bus.parent()) {
            Property ranges = bus.property("ranges");
            if (ranges == null) {
                return BAD_ADDR;
            }
            if (ranges.value().length() == 0) {
                continue; // identity mapping
            }
            int childNa = addressCells(bus);
            int parentNa = addressCells(bus.parent());
            int ns = sizeCells(bus);
            int entry = (childNa + parentNa + ns) * 4;
            byte[] r = ranges.value().bytesUnsafe();
            if (entry == 0 || childNa > 2 || parentNa > 2 || ns > 2 || r.length % entry != 0) {
                return BAD_ADDR;
            }
            long translated = BAD_ADDR;
            for (int off = 0; off < r.length; off += entry) {
                long childBase = readCells(r, off, childNa);
                long parentBase = readCells(r, off + childNa * 4, parentNa);
                long size = readCells(r, off + (childNa + parentNa) * 4, ns);
                if (Long.compareUnsigned(addr, childBase) >= 0
                        && Long.compareUnsigned(addr - childBase, size) < 0) {
                    translated = parentBase + (addr - childBase);
                    break;
                }
            }
            if (translated == BAD_ADDR) {
                return BAD_ADDR;
            }
            addr = translated;
        }
        return addr;
    }

    /** {@code #address-cells} of a bus node (default 2, as the kernel assumes for the root). */
    static int addressCells(Node bus) {
        Property p = bus.property("#address-cells");
        return p != null && p.value().length() == 4 ? (int) p.value().cellAt(0) : 2;
    }

    static int sizeCells(Node bus) {
        Property p = bus.property("#size-cells");
        return p != null && p.value().length() == 4 ? (int) p.value().cellAt(0) : 1;
    }

    private static long readCells(byte[] b, int off, int cells) {
        long v = 0;
        for (int i = 0; i < cells * 4; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
