package dev.dtprobe.frontend.dtb;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Flattens a {@link DeviceTree} into FDT version 17 bytes exactly as {@code dtc -O dtb} (1.6.1,
 * no {@code -p/-S/-a/-R}) does in flattree.c: 40-byte header, memory reservation block (with its
 * zero terminator) at offset 40, structure block, strings block, no padding.
 */
public final class DtbWriter {
    private DtbWriter() {
    }

    /** The DTB bytes for the live part of {@code tree}. */
    public static byte[] write(DeviceTree tree) {
        Buf struct = new Buf(4096);
        StringTable strings = new StringTable();
        flatten(tree.root(), struct, strings);
        struct.u32(Fdt.END);

        int rsvSize = (tree.memReserves().size() + 1) * 16;
        int rsvOff = Fdt.HEADER_SIZE_V17; // ALIGN(40, 8)
        int structOff = rsvOff + rsvSize;
        int stringsOff = structOff + struct.len;
        int total = stringsOff + strings.buf.len;

        Buf out = new Buf(total);
        out.u32(Fdt.MAGIC);
        out.u32(total);
        out.u32(structOff);
        out.u32(stringsOff);
        out.u32(rsvOff);
        out.u32(Fdt.VERSION);
        out.u32(Fdt.LAST_COMP_VERSION);
        out.u32((int) tree.bootCpuidPhys());
        out.u32(strings.buf.len);
        out.u32(struct.len);
        for (MemReserve r : tree.memReserves()) {
            out.u64(r.address());
            out.u64(r.size());
        }
        out.u64(0);
        out.u64(0);
        out.bytes(struct.data, 0, struct.len);
        out.bytes(strings.buf.data, 0, strings.buf.len);
        return out.data.length == out.len ? out.data : Arrays.copyOf(out.data, out.len);
    }

    private static void flatten(Node node, Buf struct, StringTable strings) {
        if (node.isDeleted()) {
            return;
        }
        struct.u32(Fdt.BEGIN_NODE);
        struct.bytes(Fdt.encodeName(node.name()));
        struct.u8(0);
        struct.align4();
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            int nameoff = strings.insert(Fdt.encodeName(p.name()));
            byte[] v = p.value().bytesUnsafe();
            struct.u32(Fdt.PROP);
            struct.u32(v.length);
            struct.u32(nameoff);
            struct.bytes(v);
            struct.align4();
        }
        for (Node c : node.children()) {
            flatten(c, struct, strings);
        }
        struct.u32(Fdt.END_NODE);
    }

    /**
     * dtc's {@code stringtable_insert}: the first offset {@code i} at which the table holds
     * {@code str} NUL-terminated ({@code streq(str, table + i)}), which may be a suffix of an
     * earlier name; otherwise append. Every suffix of every appended string is indexed, so a
     * lookup is one hash probe.
     */
    static final class StringTable {
        final Buf buf = new Buf(1024);
        private final Map<String, Integer> suffixes = new HashMap<>();

        int insert(byte[] name) {
            String key = new String(name, StandardCharsets.ISO_8859_1);
            Integer at = suffixes.get(key);
            if (at != null) {
                return at;
            }
            int base = buf.len;
            buf.bytes(name);
            buf.u8(0);
            for (int k = 0; k <= key.length(); k++) {
                suffixes.putIfAbsent(key.substring(k), base + k);
            }
            return base;
        }
    }

    /** A growable big-endian byte buffer. */
    static final class Buf {
        byte[] data;
        int len;

        Buf(int cap) {
            data = new byte[Math.max(16, cap)];
        }

        private void ensure(int n) {
            if (len + n > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, len + n));
            }
        }

        void u8(int v) {
            ensure(1);
            data[len++] = (byte) v;
        }

        void u32(int v) {
            ensure(4);
            data[len++] = (byte) (v >>> 24);
            data[len++] = (byte) (v >>> 16);
            data[len++] = (byte) (v >>> 8);
            data[len++] = (byte) v;
        }

        void u64(long v) {
            u32((int) (v >>> 32));
            u32((int) v);
        }

        void bytes(byte[] b) {
            bytes(b, 0, b.length);
        }

        void bytes(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, data, len, n);
            len += n;
        }

        void align4() {
            while ((len & 3) != 0) {
                u8(0);
            }
        }
    }
}
