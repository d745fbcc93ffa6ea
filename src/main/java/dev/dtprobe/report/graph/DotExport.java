package dev.dtprobe.report.graph;

import java.util.List;

/**
 * The dependency graph in Graphviz DOT: consumers point at their suppliers, edges carry the DT
 * properties, IOMMU edges are dashed, unbound devices are filled red and their blocking chain
 * drawn bold. Suppliers come out on the left ({@code rankdir=RL}), as in the HTML report.
 */
public final class DotExport {
    private DotExport() {
    }

    public static String write(DependencyGraph g, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quote(title)).append(" {\n");
        sb.append("  rankdir=RL;\n");
        sb.append("  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
        sb.append("  edge [fontname=\"monospace\", fontsize=8];\n");
        for (DependencyGraph.Vertex v : g.vertices()) {
            sb.append("  ").append(quote(v.id())).append(" [").append(attributes(v)).append("];\n");
        }
        for (DependencyGraph.Edge e : g.edges()) {
            sb.append("  ").append(quote(e.consumer())).append(" -> ").append(quote(e.supplier()))
                    .append(" [label=").append(quote(e.propertyText()));
            if (e.iommu()) {
                sb.append(", style=dashed, color=\"#6a3d9a\"");
            }
            if (e.blocking()) {
                sb.append(", color=\"#c62828\", penwidth=2.5");
            }
            sb.append("];\n");
        }
        return sb.append("}\n").toString();
    }

    private static String attributes(DependencyGraph.Vertex v) {
        String label = v.unbound() ? v.label() + "\n(" + kindText(v.kind()) + ")" : v.label();
        StringBuilder a = new StringBuilder("label=").append(quote(label));
        if (v.iommu()) {
            a.append(", shape=hexagon");
        }
        List<String> style = new java.util.ArrayList<>();
        switch (v.kind()) {
            case DEFERRED, FAILED, NO_DRIVER -> {
                style.add("filled");
                style.add("bold");
                a.append(", color=\"#c62828\", fillcolor=\"#fde0dc\"");
            }
            case NO_DEVICE -> {
                style.add("dashed");
                a.append(", color=\"#757575\"");
            }
            case BUS -> style.add("dotted");
            default -> {
            }
        }
        if (!style.isEmpty()) {
            a.append(", style=").append(quote(String.join(",", style)));
        }
        if (v.note() != null) {
            a.append(", tooltip=").append(quote(v.note()));
        }
        return a.toString();
    }

    static String kindText(DependencyGraph.Kind k) {
        return switch (k) {
            case BOUND -> "bound";
            case DEFERRED -> "deferred";
            case FAILED -> "failed";
            case NO_DRIVER -> "no driver";
            case BUS -> "bus";
            case NO_DEVICE -> "no device";
        };
    }

    /** A DOT double-quoted string: backslash and quote escaped, line breaks as DOT's {@code \n}. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                }
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
