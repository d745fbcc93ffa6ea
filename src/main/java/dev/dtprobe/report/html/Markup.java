package dev.dtprobe.report.html;

import java.util.Locale;

/** Escaping and number formatting for the generated HTML and SVG (well-formed XML as well). */
final class Markup {
    /** Monospace at the report's 12 px: the width a character takes, for laying out labels. */
    static final double CHAR_WIDTH = 7.3;

    private Markup() {
    }

    /** Text or attribute value: the five XML specials become entities. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0 text
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A coordinate: one decimal, dot separator whatever the locale. */
    static String num(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Shortens a label to {@code max} characters with an ellipsis; the full text goes in a title. */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** Simulated time as the kernel log prints it. */
    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06d s", micros / 1_000_000, micros % 1_000_000);
    }
}
