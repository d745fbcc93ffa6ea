package dev.dtprobe.tree;

import java.util.List;

/** One {@code /memreserve/} entry: an address range the OS must not use. */
public record MemReserve(long address, long size, List<String> labels) {

    public MemReserve {
        labels = List.copyOf(labels);
    }

    public MemReserve(long address, long size) {
        this(address, size, List.of());
    }
}
