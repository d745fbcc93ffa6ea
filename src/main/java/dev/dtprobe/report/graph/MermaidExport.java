package dev.dtprobe.report.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency graph as a Mermaid flowchart ({@code flowchart RL}): vertices get generated ids
 * ({@code n0}, {@code n1}, ...) because paths are not Mermaid identifiers, labels are quoted with
 * Mermaid's entity codes for the characters its parser or HTML labels would take, IOMMU edges
 * are dotted, blocking-chain edges thick, and unbound devices carry the class {@code unbound}.
 */
public final class MermaidExport {
    private MermaidExport() {
    }

    public static String write(DependencyGraph g) {
        StringBuilder sb = new StringBuilder("flowchart RL\n");
        Map<String, String> ids = new HashMap<>();
        List<DependencyGraph.Vertex> vs = g.vertices();
        List<String> unbound = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            DependencyGraph.Vertex v = vs.get(i);
            String id = "n" + i;
            ids.put(v.id(), id);
            String label = v.unbound() ? v.label() + " (" + DotExport.kindText(v.kind()) + ")" : v.label();
            String q = quote(label);
            sb.append("  ").append(id).append(v.iommu() ? "{{" + q + "}}" : "[" + q + "]").append('\n');
            if (v.kind() == DependencyGraph.Kind.NO_DEVICE) {
                missing.add(id);
            } else if (v.unbound()) {
                unbound.add(id);
            }
        }
        for (DependencyGraph.Edge e : g.edges()) {
            String arrow = e.blocking() ? "==>" : e.iommu() ? "-.->" : "-->";
            sb.append("  ").append(ids.get(e.consumer())).append(' ').append(arrow).append('|')
                    .append(quote(e.propertyText())).append("| ").append(ids.get(e.supplier())).append('\n');
        }
        sb.append("  classDef unbound fill:#fde0dc,stroke:#c62828,stroke-width:2px\n");
        sb.append("  classDef nodevice stroke:#757575,stroke-dasharray:4 3\n");
        if (!unbound.isEmpty()) {
            sb.append("  class ").append(String.join(",", unbound)).append(" unbound\n");
        }
        if (!missing.isEmpty()) {
            sb.append("  class ").append(String.join(",", missing)).append(" nodevice\n");
        }
        return sb.toString();
    }

    /**
     * A double-quoted Mermaid label. Mermaid has no backslash escapes; {@code #name;} and
     * {@code #nn;} entity codes stand for the quote, the angle brackets and ampersand (labels are
     * HTML), and the {@code #} that would start an entity.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("#quot;");
                case '#' -> sb.append("#35;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '&' -> sb.append("#amp;");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
