package dev.dtprobe.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a property plus the markers that say where references, labels and typed chunks
 * sit in them (dtc's {@code struct data}). Immutable; {@link Builder} assembles one.
 */
public final class PropertyValue {

    public static final PropertyValue EMPTY = new PropertyValue(new byte[0], List.of());

    private final byte[] bytes;
    private final List<Marker> markers;

    public PropertyValue(byte[] bytes, List<Marker> markers) {
        this.bytes = bytes;
        this.markers = List.copyOf(markers);
    }

    /** A value with no markers, as read from a DTB. */
    public static PropertyValue ofBytes(byte[] bytes) {
        return new PropertyValue(bytes.clone(), List.of());
    }

    public static PropertyValue ofString(String s) {
        return new Builder().appendString(s).build();
    }

    public static PropertyValue ofCells(long... cells) {
        Builder b = new Builder().beginCells(32);
        for (long c : cells) {
            b.appendInt(c, 4);
        }
        return b.build();
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The backing array, for writers that only read it. Callers must not modify it. */
    public byte[] bytesUnsafe() {
        return bytes;
    }

    public List<Marker> markers() {
        return markers;
    }

    public boolean hasMarkers(MarkerType type) {
        for (Marker m : markers) {
            if (m.type() == type) {
                return true;
            }
        }
        return false;
    }

    /** Big-endian unsigned 32-bit cell at the given byte offset. */
    public long cellAt(int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
    }

    /** The value as 32-bit cells; throws if the length is not a multiple of 4. */
    public long[] cells() {
        if (bytes.length % 4 != 0) {
            throw new IllegalStateException("value of " + bytes.length + " bytes is not a cell array");
        }
        long[] cells = new long[bytes.length / 4];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cellAt(i * 4);
        }
        return cells;
    }

    /** The NUL-separated strings of the value (the last NUL is optional). */
    public List<String> strings() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            out.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The first string of the value, or null if it is empty. */
    public String firstString() {
        List<String> s = strings();
        return s.isEmpty() ? null : s.get(0);
    }

    /** Writes {@code cell} big-endian at {@code offset} of {@code bytes} (for phandle fix-ups). */
    public static void putCell(byte[] bytes, int offset, long cell) {
        bytes[offset] = (byte) (cell >>> 24);
        bytes[offset + 1] = (byte) (cell >>> 16);
        bytes[offset + 2] = (byte) (cell >>> 8);
        bytes[offset + 3] = (byte) cell;
    }

    /**
     * A value with {@code insert} spliced in at the offset of marker {@code markerIndex}; the
     * markers listed after it move along, as in dtc's data_insert_at_marker.
     */
    public PropertyValue withInsertionAtMarker(int markerIndex, byte[] insert) {
        int offset = markers.get(markerIndex).offset();
        byte[] copy = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, copy, 0, offset);
        System.arraycopy(insert, 0, copy, offset, insert.length);
        System.arraycopy(bytes, offset, copy, offset + insert.length, bytes.length - offset);
        List<Marker> moved = new ArrayList<>(markers.size());
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            moved.add(i > markerIndex ? m.shifted(insert.length) : m);
        }
        return new PropertyValue(copy, moved);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertyValue other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PropertyValue[" + bytes.length + " bytes, " + markers.size() + " markers]";
    }

    /** Assembles a value component by component, as dtc's parser does. */
    public static final class Builder {
        private byte[] buf = new byte[32];
        private int len;
        private final List<Marker> markers = new ArrayList<>();

        public int length() {
            return len;
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        public Builder appendByte(int b) {
            ensure(1);
            buf[len++] = (byte) b;
            return this;
        }

        public Builder appendBytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
            return this;
        }

        /** Appends the low {@code size} bytes of {@code v}, big-endian. */
        public Builder appendInt(long v, int size) {
            ensure(size);
            for (int i = size - 1; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        /** Appends a string and its terminating NUL, marking it as a string chunk. */
        public Builder appendString(String s) {
            return appendStringBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        public Builder appendStringBytes(byte[] s) {
            mark(MarkerType.TYPE_STRING, null);
            appendBytes(s);
            return appendByte(0);
        }

        /** Marks the start of a {@code /bits/ N <...>} cell array. */
        public Builder beginCells(int bits) {
            return mark(MarkerType.forBits(bits), null);
        }

        public Builder mark(MarkerType type, String ref) {
            markers.add(new Marker(len, type, ref));
            return this;
        }

        /** Appends another value with its markers moved to where it lands. */
        public Builder append(PropertyValue v) {
            int base = len;
            appendBytes(v.bytes);
            for (Marker m : v.markers) {
                markers.add(m.shifted(base));
            }
            return this;
        }

        public PropertyValue build() {
            return new PropertyValue(Arrays.copyOf(buf, len), markers);
        }
    }
}
