package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;
import java.util.Arrays;

/**
 * One parsed entry of a phandle list ({@code struct of_phandle_args}): the target node and its
 * argument cells. {@code args} is never modified after construction; callers must not modify it.
 *
 * @param property the list property ({@code "iommus"})
 * @param index    entry index within the list
 * @param target   the live node the phandle names
 * @param args     the argument cells, unsigned 32-bit values (at most 16, as MAX_PHANDLE_ARGS)
 */
public record Specifier(String property, int index, Node target, long[] args) {

    @Override
    public String toString() {
        return property + "[" + index + "] -> " + target.path() + " " + Arrays.toString(args);
    }
}
