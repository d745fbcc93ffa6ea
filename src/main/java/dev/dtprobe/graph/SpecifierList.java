package dev.dtprobe.graph;

import java.util.List;

/**
 * The entries of a phandle list parsed in order up to the first problem.
 *
 * @param entries the entries before the problem (all of them when it is null)
 * @param problem why parsing stopped early, or null if the whole list parsed
 */
public record SpecifierList(List<Specifier> entries, Problem problem) {

    public SpecifierList {
        entries = List.copyOf(entries);
    }

    public boolean complete() {
        return problem == null;
    }
}
