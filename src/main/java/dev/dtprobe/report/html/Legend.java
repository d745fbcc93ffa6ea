package dev.dtprobe.report.html;

/** The key to the timeline's and graph's marks, each drawn exactly as in the pictures and named in words. */
final class Legend {
    private Legend() {
    }

    static String render() {
        StringBuilder sb = new StringBuilder("<div class=\"legend\" id=\"legend\"><strong>Timeline:</strong>");
        item(sb, Glyphs.tick(9, 8, null), "probe attempt");
        item(sb, Glyphs.triangle(9, 8, null), "deferred (hover: reason)");
        item(sb, "<defs>" + Glyphs.hatchPattern("legend-hatch") + "</defs><rect x=\"1\" y=\"3\" width=\"16\" height=\"10\" fill=\"url(#legend-hatch)\"/>",
                "waiting on the deferred list");
        item(sb, "<rect x=\"1\" y=\"3\" width=\"10\" height=\"10\" fill=\"" + Glyphs.BOUND + "\"/>" + Glyphs.circle(12, 8, null),
                "probe, then bound");
        item(sb, Glyphs.cross(9, 8, null), "probe failed");
        item(sb, line("#757575", "1", "3 3"), "created, not probed yet");
        item(sb, line(Glyphs.PHASE, "1", "2 3"), "initcall level");
        item(sb, line("#455a64", "2", "6 3"), "late_initcall");
        item(sb, line(Glyphs.MODULE, "2", "6 3"), "module loaded");
        item(sb, line(Glyphs.FAIL, "2", "6 3"), "deferred-probe timeout");
        item(sb, "<path d=\"M4 14 l6 -12 M9 14 l6 -12\" stroke=\"#424242\" stroke-width=\"1.5\"/>", "axis break (idle time)");
        sb.append("<strong>Graph:</strong>");
        item(sb, "<rect x=\"1\" y=\"2\" width=\"16\" height=\"12\" rx=\"2\" fill=\"#fff\" stroke=\"#607d8b\"/>", "device");
        item(sb, "<path d=\"M1 8 L5 2 H13 L17 8 L13 14 H5 Z\" fill=\"#fff\" stroke=\"" + Glyphs.IOMMU + "\"/>", "IOMMU");
        item(sb, "<rect x=\"1\" y=\"2\" width=\"16\" height=\"12\" rx=\"2\" fill=\"#fde0dc\" stroke=\"" + Glyphs.FAIL
                + "\" stroke-width=\"2\"/>", "not bound");
        item(sb, "<rect x=\"1\" y=\"2\" width=\"16\" height=\"12\" fill=\"#fafafa\" stroke=\"#757575\" stroke-dasharray=\"3 2\"/>",
                "node without a device");
        item(sb, "<path d=\"M1 8 H17\" stroke=\"" + Glyphs.FAIL + "\" stroke-width=\"2.5\"/>", "blocking chain");
        item(sb, "<path d=\"M1 8 H17\" stroke=\"" + Glyphs.IOMMU + "\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"/>",
                "iommus / iommu-map");
        item(sb, "<path d=\"M1 8 H17\" stroke=\"#90a4ae\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>", "closes a cycle");
        item(sb, "<rect x=\"1\" y=\"2\" width=\"16\" height=\"12\" fill=\"" + Glyphs.CHANGED + "\"/><text x=\"4\" y=\"12\">\u0394</text>",
                "changed (comparisons)");
        return sb.append("</div>\n").toString();
    }

    private static String line(String colour, String width, String dash) {
        return "<path d=\"M9 1 V15\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\" stroke-dasharray=\"" + dash + "\"/>";
    }

    private static void item(StringBuilder sb, String svg, String text) {
        sb.append("<span><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"18\" height=\"16\" aria-hidden=\"true\">")
                .append(svg).append("</svg>").append(Markup.esc(text)).append("</span>");
    }
}
