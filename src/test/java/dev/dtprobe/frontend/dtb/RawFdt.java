package dev.dtprobe.frontend.dtb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Test helper assembling FDT v17 blobs token by token, so malformed blobs can be built on
 * purpose. Header fields are computed from the blocks unless overridden afterwards with
 * {@link #patch32}.
 */
final class RawFdt {
    final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    final ByteArrayOutputStream rsv = new ByteArrayOutputStream();
    boolean terminateRsv = true;

    RawFdt u32(long v) {
        struct.writeBytes(ByteBuffer.allocate(4).putInt((int) v).array());
        return this;
    }

    RawFdt beginNode(String name) {
        u32(Fdt.BEGIN_NODE);
        struct.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        struct.write(0);
        return pad();
    }

    RawFdt endNode() {
        return u32(Fdt.END_NODE);
    }

    RawFdt end() {
        return u32(Fdt.END);
    }

    /** A property whose name is appended to the strings block. */
    RawFdt prop(String name, byte[] value) {
        int off = strings.size();
        strings.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        strings.write(0);
        return propAt(off, value.length, value);
    }

    /** A property with explicit name offset and claimed length. */
    RawFdt propAt(long nameoff, long len, byte[] value) {
        u32(Fdt.PROP).u32(len).u32(nameoff);
        struct.writeBytes(value);
        return pad();
    }

    RawFdt raw(byte... b) {
        struct.writeBytes(b);
        return this;
    }

    RawFdt pad() {
        while (struct.size() % 4 != 0) {
            struct.write(0);
        }
        return this;
    }

    RawFdt reserve(long addr, long size) {
        rsv.writeBytes(ByteBuffer.allocate(16).putLong(addr).putLong(size).array());
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.writeBytes(rsv.toByteArray());
        if (terminateRsv) {
            r.writeBytes(new byte[16]);
        }
        int rsvOff = 40;
        int structOff = rsvOff + r.size();
        int stringsOff = structOff + struct.size();
        int total = stringsOff + strings.size();
        ByteBuffer bb = ByteBuffer.allocate(total);
        bb.putInt(Fdt.MAGIC).putInt(total).putInt(structOff).putInt(stringsOff).putInt(rsvOff)
                .putInt(17).putInt(16).putInt(0).putInt(strings.size()).putInt(struct.size());
        bb.put(r.toByteArray()).put(struct.toByteArray()).put(strings.toByteArray());
        return bb.array();
    }

    /** A minimal valid tree: root with one property and one child. */
    static RawFdt minimal() {
        return new RawFdt().beginNode("").prop("compatible", "x\0".getBytes(StandardCharsets.US_ASCII))
                .beginNode("child@1").prop("reg", new byte[] {0, 0, 0, 1}).endNode().endNode().end();
    }

    static byte[] patch32(byte[] blob, int off, long v) {
        byte[] c = blob.clone();
        ByteBuffer.wrap(c).putInt(off, (int) v);
        return c;
    }

    static long get32(byte[] blob, int off) {
        return ByteBuffer.wrap(blob).getInt(off) & 0xffffffffL;
    }

    // header field offsets
    static final int TOTALSIZE = 4;
    static final int OFF_STRUCT = 8;
    static final int OFF_STRINGS = 12;
    static final int OFF_RSV = 16;
    static final int VERSION = 20;
    static final int LAST_COMP = 24;
    static final int SIZE_STRINGS = 32;
    static final int SIZE_STRUCT = 36;
}
