package dev.dtprobe.report.html;

import static dev.dtprobe.report.html.Markup.esc;
import static dev.dtprobe.report.html.Markup.num;

import dev.dtprobe.report.graph.DependencyGraph;
import dev.dtprobe.report.graph.LayeredLayout;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph drawn from a {@link LayeredLayout}: suppliers in the left columns, each
 * consumer right of everything it needs, so "left binds first". Boxes are as wide as their
 * labels and stacked at a fixed pitch, so labels never overlap; edges go behind the boxes.
 * IOMMUs are hexagons, unbound devices are red with their status mark, and the edges of every
 * blocking chain are thick red.
 */
final class GraphSvg {
    private static final double PITCH = 30;
    private static final double BOX_H = 22;
    private static final double GAP = 90;
    private static final double MARGIN = 16;
    private static final int MAX_LABEL_CHARS = 44;

    private record Box(double x, double y, double w) {
        double midY() {
            return y + BOX_H / 2;
        }
    }

    private final DependencyGraph g;
    private final LayeredLayout layout;
    private final String prefix;
    private final Map<String, String> changed;
    private final Map<String, Box> boxes = new HashMap<>();
    private final Set<String> onChain = new HashSet<>();
    private double width;
    private double height;

    GraphSvg(DependencyGraph g, String prefix, Map<String, String> changed) {
        this.g = g;
        this.layout = LayeredLayout.of(g);
        this.prefix = prefix;
        this.changed = changed;
        for (DependencyGraph.Edge e : g.edges()) {
            if (e.blocking()) {
                onChain.add(e.consumer());
                onChain.add(e.supplier());
            }
        }
        place();
    }

    private void place() {
        double x = MARGIN;
        double maxRows = 0;
        for (List<String> column : layout.layers()) {
            double colW = 0;
            for (String id : column) {
                colW = Math.max(colW, boxWidth(g.vertex(id)));
            }
            for (int i = 0; i < column.size(); i++) {
                String id = column.get(i);
                boxes.put(id, new Box(x, MARGIN + 16 + i * PITCH, boxWidth(g.vertex(id))));
            }
            maxRows = Math.max(maxRows, column.size());
            x += colW + GAP;
        }
        width = Math.max(x - GAP + MARGIN, 200);
        height = MARGIN * 2 + 16 + Math.max(1, maxRows) * PITCH;
    }

    /** Room for the label, the status dot and a "Δ " change mark (2 characters), in 12px monospace. */
    private static double boxWidth(DependencyGraph.Vertex v) {
        return (Markup.clip(v.label(), MAX_LABEL_CHARS).length() + 2) * Markup.CHAR_WIDTH + 30 + (v.iommu() ? 12 : 0);
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"graph-scroll\"><svg id=\"").append(prefix)
                .append("depgraph\" class=\"depgraph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height))
                .append("\" role=\"img\" aria-label=\"dependency graph: suppliers left of their consumers\">");
        sb.append("<defs>").append(Glyphs.arrowMarker(prefix + "arrow", "#78909c"))
                .append(Glyphs.arrowMarker(prefix + "arrow-iommu", Glyphs.IOMMU))
                .append(Glyphs.arrowMarker(prefix + "arrow-block", Glyphs.FAIL)).append("</defs>");
        for (int l = 0; l < layout.layers().size(); l++) {
            List<String> col = layout.layers().get(l);
            if (!col.isEmpty()) {
                Box b = boxes.get(col.get(0));
                sb.append("<text class=\"layer-label\" x=\"").append(num(b.x())).append("\" y=\"").append(num(MARGIN + 4))
                        .append("\">").append(l == 0 ? "layer 0 (no suppliers)" : "layer " + l).append("</text>");
            }
        }
        StringBuilder blocking = new StringBuilder();
        for (DependencyGraph.Edge e : g.edges()) {
            (e.blocking() ? blocking : sb).append(edge(e));
        }
        sb.append(blocking); // drawn last among edges, so the chains stay visible
        for (DependencyGraph.Vertex v : g.vertices()) {
            sb.append(vertex(v));
        }
        sb.append("</svg></div>\n");
        return sb.toString();
    }

    private String edge(DependencyGraph.Edge e) {
        Box c = boxes.get(e.consumer());
        Box s = boxes.get(e.supplier());
        String d;
        if (s.x() < c.x()) {
            double x1 = c.x();
            double x2 = s.x() + s.w();
            double k = Math.max(30, (x1 - x2) / 2);
            d = "M" + num(x1) + " " + num(c.midY()) + " C" + num(x1 - k) + " " + num(c.midY()) + " " + num(x2 + k) + " "
                    + num(s.midY()) + " " + num(x2) + " " + num(s.midY());
        } else {
            // a cycle edge: out of the consumer's right side, into the supplier's right side
            double x1 = c.x() + c.w();
            double x2 = s.x() + s.w();
            double k = 40 + Math.abs(x2 - x1) / 2;
            d = "M" + num(x1) + " " + num(c.midY()) + " C" + num(Math.max(x1, x2) + k) + " " + num(c.midY()) + " "
                    + num(Math.max(x1, x2) + k) + " " + num(s.midY()) + " " + num(x2) + " " + num(s.midY());
        }
        String cls = e.blocking() ? "edge blocking" : e.iommu() ? "edge iommu" : "edge";
        String colour = e.blocking() ? Glyphs.FAIL : e.iommu() ? Glyphs.IOMMU : "#90a4ae";
        String marker = e.blocking() ? "arrow-block" : e.iommu() ? "arrow-iommu" : "arrow";
        String dash = layout.closesCycle(e) ? "2 3" : e.iommu() && !e.blocking() ? "6 3" : null;
        return "<path class=\"" + cls + "\" d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\""
                + (e.blocking() ? "2.5" : "1.2") + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + " marker-end=\"url(#" + prefix + marker + ")\">"
                + Glyphs.title(g.vertex(e.consumer()).label() + " needs " + g.vertex(e.supplier()).label() + " ("
                        + e.propertyText() + ")" + (e.blocking() ? ": blocks it" : "")
                        + (layout.closesCycle(e) ? "; closes a dependency cycle" : ""))
                + "</path>\n";
    }

    private String vertex(DependencyGraph.Vertex v) {
        Box b = boxes.get(v.id());
        String note = changed.get(v.id());
        boolean isChanged = changed.containsKey(v.id()) || changed.containsKey(v.label());
        if (note == null) {
            note = changed.get(v.label());
        }
        String fill;
        String stroke;
        String strokeW = onChain.contains(v.id()) ? "2.5" : "1.2";
        String dash = null;
        switch (v.kind()) {
            case BOUND -> {
                fill = "#ffffff";
                stroke = v.iommu() ? Glyphs.IOMMU : "#607d8b";
            }
            case DEFERRED, FAILED, NO_DRIVER -> {
                fill = "#fde0dc";
                stroke = Glyphs.FAIL;
                strokeW = "2.5";
            }
            case NO_DEVICE -> {
                fill = "#fafafa";
                stroke = onChain.contains(v.id()) ? Glyphs.FAIL : Glyphs.GREY;
                dash = "4 3";
            }
            default -> {
                fill = "#f5f5f5";
                stroke = "#bdbdbd";
                dash = "1 2";
            }
        }
        if (isChanged) {
            fill = Glyphs.CHANGED;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<g class=\"vertex kind-").append(v.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append(v.iommu() ? " iommu" : "").append(onChain.contains(v.id()) ? " on-chain" : "")
                .append(isChanged ? " changed" : "").append("\" data-id=\"").append(esc(v.id())).append("\">");
        sb.append(Glyphs.title(v.id() + (v.note() == null ? "" : "\n" + v.note()) + (isChanged && note != null ? "\nchanged: " + note : "")));
        String attrs = " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeW + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
        if (v.iommu()) {
            double x0 = b.x();
            double x1 = b.x() + b.w();
            double y0 = b.y();
            double y1 = b.y() + BOX_H;
            double m = b.midY();
            sb.append("<path d=\"M").append(num(x0)).append(' ').append(num(m)).append(" L").append(num(x0 + 8)).append(' ')
                    .append(num(y0)).append(" H").append(num(x1 - 8)).append(" L").append(num(x1)).append(' ').append(num(m))
                    .append(" L").append(num(x1 - 8)).append(' ').append(num(y1)).append(" H").append(num(x0 + 8))
                    .append(" Z\"").append(attrs).append("/>");
        } else {
            sb.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"")
                    .append(num(b.w())).append("\" height=\"").append(num(BOX_H)).append("\" rx=\"3\"").append(attrs).append("/>");
        }
        double gx = b.x() + (v.iommu() ? 17 : 11);
        sb.append(statusGlyph(v, gx, b.midY()));
        sb.append("<text class=\"vertex-label").append(v.kind() == DependencyGraph.Kind.NO_DEVICE ? " nodevice" : "")
                .append("\" x=\"").append(num(gx + 9)).append("\" y=\"").append(num(b.midY() + 4)).append("\">")
                .append(isChanged ? "\u0394 " : "").append(esc(Markup.clip(v.label(), MAX_LABEL_CHARS))).append("</text>");
        sb.append("</g>\n");
        return sb.toString();
    }

    private static String statusGlyph(DependencyGraph.Vertex v, double x, double y) {
        return switch (v.kind()) {
            case BOUND -> Glyphs.circle(x, y, null);
            case DEFERRED -> Glyphs.triangle(x, y, null);
            case FAILED -> Glyphs.cross(x, y, null);
            default -> "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"none\" stroke=\"" + Glyphs.GREY
                    + "\" stroke-width=\"1.5\"/>";
        };
    }
}
