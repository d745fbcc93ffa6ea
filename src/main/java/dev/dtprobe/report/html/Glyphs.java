package dev.dtprobe.report.html;

import static dev.dtprobe.report.html.Markup.esc;
import static dev.dtprobe.report.html.Markup.num;

/**
 * The marks of the timeline and legend. Each outcome has a colour and a shape of its own, so the
 * picture still reads in grey: circle = bound, triangle = deferred, cross = failed, tick = probe.
 */
final class Glyphs {
    static final String BOUND = "#2e7d32";
    static final String DEFER = "#e07b00";
    static final String FAIL = "#c62828";
    static final String GREY = "#757575";
    static final String PHASE = "#9e9e9e";
    static final String MODULE = "#6a3d9a";
    static final String IOMMU = "#6a3d9a";
    static final String CHANGED = "#fff3b0";

    private Glyphs() {
    }

    static String title(String text) {
        return text == null ? "" : "<title>" + esc(text) + "</title>";
    }

    static String circle(double x, double y, String title) {
        return "<circle class=\"m-bind\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4.5\" fill=\"" + BOUND
                + "\" stroke=\"#fff\" stroke-width=\"1\">" + title(title) + "</circle>";
    }

    static String triangle(double x, double y, String title) {
        return "<path class=\"m-defer\" d=\"M" + num(x) + " " + num(y - 5) + " L" + num(x + 5) + " " + num(y + 4) + " L"
                + num(x - 5) + " " + num(y + 4) + " Z\" fill=\"" + DEFER + "\" stroke=\"#fff\" stroke-width=\"0.8\">"
                + title(title) + "</path>";
    }

    static String cross(double x, double y, String title) {
        return "<path class=\"m-fail\" d=\"M" + num(x - 4.5) + " " + num(y - 4.5) + " L" + num(x + 4.5) + " "
                + num(y + 4.5) + " M" + num(x + 4.5) + " " + num(y - 4.5) + " L" + num(x - 4.5) + " " + num(y + 4.5)
                + "\" stroke=\"" + FAIL + "\" stroke-width=\"2.5\" fill=\"none\">" + title(title) + "</path>";
    }

    static String tick(double x, double y, String title) {
        return "<path class=\"m-probe\" d=\"M" + num(x) + " " + num(y - 6) + " V" + num(y + 6)
                + "\" stroke=\"#37474f\" stroke-width=\"1.5\">" + title(title) + "</path>";
    }

    /** Hatched amber: waiting on a deferred-probe list. */
    static String hatchPattern(String id) {
        return "<pattern id=\"" + id + "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff3e0\"/>"
                + "<rect width=\"3\" height=\"6\" fill=\"" + DEFER + "\"/></pattern>";
    }

    static String arrowMarker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 Z\" fill=\"" + colour + "\"/></marker>";
    }
}
