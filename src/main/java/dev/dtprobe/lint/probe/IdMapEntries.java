package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.Device;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@code iommu-map} or {@code msi-map} read as {@code of_map_id} reads it: entries
 * {@code <id-base phandle out-base length>}, the {@code <map>-mask} (default 0xffffffff).
 */
final class IdMapEntries {
    static final long U32 = 0xffffffffL;
    static final List<String> MAPS = List.of("iommu-map", "msi-map");

    record Entry(int index, long idBase, long phandle, long outBase, long length) {
        /** One past the last input ID, as a 64-bit value (no u32 wrap). */
        long idEnd() {
            return idBase + length;
        }
    }

    private IdMapEntries() {
    }

    /** The entries, or an empty list when the length is not a whole number of entries. */
    static List<Entry> of(Property p) {
        List<Entry> out = new ArrayList<>();
        int len = p.value().length();
        if (len == 0 || len % 16 != 0) {
            return out;
        }
        for (int i = 0; i < len / 16; i++) {
            int at = i * 16;
            out.add(new Entry(i, p.value().cellAt(at), p.value().cellAt(at + 4), p.value().cellAt(at + 8),
                    p.value().cellAt(at + 12)));
        }
        return out;
    }

    static long mask(Node n, String map) {
        Property m = n.property(map + "-mask");
        return m == null || m.value().length() < 4 ? U32 : m.value().cellAt(0);
    }

    /** {@code 0000:01:00.0 (RID 0x100)} for PCI, {@code dpni.1 (ICID 0x17)} for fsl-mc. */
    static String idName(Device d) {
        int rid = d.requesterId();
        if (d.isPci()) {
            return String.format(Locale.ROOT, "%s (RID 0x%x)", d.name(), rid);
        }
        return d.name() + " (ICID " + Texts.hex(rid) + ")";
    }
}
