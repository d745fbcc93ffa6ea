package dev.dtprobe.report.html;

import static dev.dtprobe.report.html.Markup.esc;
import static dev.dtprobe.report.html.Markup.num;

import dev.dtprobe.driver.BootEvent;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.report.DeviceOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The boot as a bootchart: one row per device in the order devices first probed, the simulated
 * time across (a {@link TimeAxis} with idle gaps broken out), a mark per probe attempt, deferral,
 * bind and failure, hatched bars while a device waits on the deferred-probe lists, and vertical
 * lines for initcall levels, late_initcall, module loads and the deferred-probe timeout.
 *
 * <p>Two SVGs: the header (boundary labels and time ticks) sits in a sticky block above the rows,
 * so the axis stays in view while 500 rows scroll under it.
 */
final class TimelineSvg {
    static final int ROW_H = 20;
    private static final int MAX_LABEL_CHARS = 40;
    private static final int MAX_MARK_CHARS = 28;
    private static final double STATUS_W = 200;
    private static final double MARK_FONT_W = 6.4;

    /** A vertical boundary across all rows. */
    private record Mark(long time, String label, String detail, String colour, String kind) {
    }

    private final BootResult r;
    private final String prefix;
    private final Map<String, String> changed;
    private final TimeAxis axis;
    private final double labelW;
    private final List<Device> rows;
    private final Map<String, List<BootEvent>> byDevice = new HashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private final java.util.Set<Device> boundLate;

    /**
     * @param prefix  id prefix, so two timelines can share a page
     * @param changed node path (or device name) -> note, for rows to mark as changed
     */
    TimelineSvg(BootResult r, String prefix, double plotWidth, Map<String, String> changed) {
        this.r = r;
        this.prefix = prefix;
        this.changed = changed;
        TreeSet<Long> times = new TreeSet<>();
        times.add(0L);
        for (BootEvent e : r.events()) {
            switch (e.kind()) {
                case PHASE, TIMEOUT -> {
                    times.add(e.timeMicros());
                    marks.add(mark(e));
                }
                case DRIVER_REGISTERED -> {
                    if ("module".equals(e.detail())) {
                        times.add(e.timeMicros());
                        marks.add(mark(e));
                    }
                }
                case DEVICE_ADDED, PROBE, DEFER, BIND, FAIL, PENDING -> {
                    times.add(e.timeMicros());
                    byDevice.computeIfAbsent(e.device(), k -> new ArrayList<>()).add(e);
                }
                default -> {
                }
            }
        }
        this.axis = TimeAxis.of(times, plotWidth);
        this.boundLate = new java.util.HashSet<>(r.boundAfterTimeout());
        int longest = 6;
        for (Device d : r.devices()) {
            longest = Math.max(longest, Math.min(MAX_LABEL_CHARS, d.name().length()));
        }
        this.labelW = longest * Markup.CHAR_WIDTH + 28;
        this.rows = new ArrayList<>(r.devices());
        rows.sort(Comparator.comparingLong(this::firstProbe).thenComparingInt(Device::index));
    }

    private static Mark mark(BootEvent e) {
        return switch (e.kind()) {
            case TIMEOUT -> new Mark(e.timeMicros(), "deferred probe timeout", e.detail(), Glyphs.FAIL, "timeout");
            case DRIVER_REGISTERED -> new Mark(e.timeMicros(), "module " + e.driver(),
                    "user space loads module " + e.driver(), Glyphs.MODULE, "module");
            default -> {
                String d = e.detail() == null ? "" : e.detail();
                int colon = d.indexOf(':');
                boolean late = d.startsWith("late_initcall");
                yield new Mark(e.timeMicros(), colon < 0 ? d : d.substring(0, colon), d,
                        late ? "#455a64" : Glyphs.PHASE, late ? "late" : "phase");
            }
        };
    }

    private long firstProbe(Device d) {
        for (BootEvent e : byDevice.getOrDefault(d.name(), List.of())) {
            if (e.kind() == BootEvent.Kind.PROBE) {
                return e.timeMicros();
            }
        }
        return Long.MAX_VALUE;
    }

    double width() {
        return labelW + axis.width() + STATUS_W;
    }

    /** The scrolling block: sticky header SVG over the rows SVG. */
    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"timeline-scroll\">\n<div class=\"sticky-head\">");
        header(sb);
        sb.append("</div>\n");
        body(sb);
        sb.append("</div>\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------ header

    private void header(StringBuilder sb) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingLong(Mark::time));
        int longest = 4;
        for (Mark m : sorted) {
            longest = Math.max(longest, Math.min(MAX_MARK_CHARS, m.label().length()));
        }
        double labelsH = longest * MARK_FONT_W + 14;
        double axisY = labelsH + 18;
        double h = axisY + 24;
        double w = width();
        sb.append("<svg id=\"").append(prefix).append("timeline-head\" class=\"timeline-head\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" role=\"img\" aria-label=\"time axis\">");
        sb.append("<rect width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"#fff\"/>");
        sb.append("<text x=\"8\" y=\"").append(num(axisY + 14)).append("\" class=\"axis-title\">device</text>");
        sb.append("<text x=\"").append(num(labelW + axis.width() + 12)).append("\" y=\"").append(num(axisY + 14))
                .append("\" class=\"axis-title\">outcome</text>");
        // boundary labels, vertical, pushed right where they would touch (with a leader line)
        double lastX = -1e9;
        for (Mark m : sorted) {
            double x = labelW + axis.x(m.time());
            double lx = Math.max(x, lastX + 13);
            lastX = lx;
            sb.append("<g class=\"mark mark-").append(m.kind()).append("\">").append(Glyphs.title(m.detail() + " at "
                    + Markup.seconds(m.time())));
            sb.append("<path d=\"M").append(num(x)).append(' ').append(num(h)).append(" V").append(num(axisY - 4))
                    .append(" L").append(num(lx)).append(' ').append(num(labelsH)).append("\" stroke=\"").append(m.colour())
                    .append("\" fill=\"none\" stroke-width=\"1\"/>");
            sb.append("<text class=\"mark-label\" transform=\"translate(").append(num(lx + 4)).append(' ')
                    .append(num(labelsH - 2)).append(") rotate(-90)\" fill=\"").append(m.colour()).append("\">")
                    .append(esc(Markup.clip(m.label(), MAX_MARK_CHARS))).append("</text></g>");
        }
        // time ticks and the breaks between busy stretches
        sb.append("<path d=\"M").append(num(labelW)).append(' ').append(num(axisY)).append(" H")
                .append(num(labelW + axis.width())).append("\" stroke=\"#424242\"/>");
        for (TimeAxis.Tick t : axis.ticks()) {
            double x = labelW + t.x();
            sb.append("<path d=\"M").append(num(x)).append(' ').append(num(axisY)).append(" v5\" stroke=\"#424242\"/>");
            sb.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(num(axisY + 16))
                    .append("\" text-anchor=\"middle\">").append(esc(t.label())).append("</text>");
        }
        List<TimeAxis.Segment> segs = axis.segments();
        for (int i = 1; i < segs.size(); i++) {
            double x0 = labelW + segs.get(i - 1).x1();
            double x1 = labelW + segs.get(i).x0();
            long gap = segs.get(i).start() - segs.get(i - 1).end();
            double mid = (x0 + x1) / 2;
            sb.append("<g class=\"axis-break\">").append(Glyphs.title("idle for " + Markup.seconds(gap) + ": axis broken"));
            sb.append("<rect x=\"").append(num(x0)).append("\" y=\"").append(num(axisY - 6)).append("\" width=\"")
                    .append(num(x1 - x0)).append("\" height=\"12\" fill=\"#fff\"/>");
            sb.append("<path d=\"M").append(num(mid - 7)).append(' ').append(num(axisY + 6)).append(" l6 -12 M")
                    .append(num(mid + 1)).append(' ').append(num(axisY + 6)).append(" l6 -12\" stroke=\"#424242\" stroke-width=\"1.5\"/>");
            sb.append("<text class=\"break-label\" x=\"").append(num(mid)).append("\" y=\"").append(num(axisY - 9))
                    .append("\" text-anchor=\"middle\">+").append(esc(gapText(gap))).append("</text></g>");
        }
        sb.append("</svg>");
    }

    private static String gapText(long micros) {
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f ms", micros / 1e3);
    }

    // ------------------------------------------------------------------ rows

    private void body(StringBuilder sb) {
        double w = width();
        double h = rows.size() * ROW_H + 8;
        String hatch = prefix + "hatch";
        sb.append("<svg id=\"").append(prefix).append("timeline\" class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" role=\"img\" aria-label=\"boot timeline, one row per device\">");
        sb.append("<defs>").append(Glyphs.hatchPattern(hatch)).append("</defs>");
        for (int i = 0; i < rows.size(); i++) {
            if (i % 2 == 1) {
                sb.append("<rect x=\"0\" y=\"").append(i * ROW_H).append("\" width=\"").append(num(w))
                        .append("\" height=\"").append(ROW_H).append("\" fill=\"#f5f5f5\"/>");
            }
        }
        List<TimeAxis.Segment> segs = axis.segments();
        for (int i = 1; i < segs.size(); i++) {
            double x0 = labelW + segs.get(i - 1).x1();
            double x1 = labelW + segs.get(i).x0();
            sb.append("<rect class=\"break-band\" x=\"").append(num(x0)).append("\" y=\"0\" width=\"").append(num(x1 - x0))
                    .append("\" height=\"").append(num(h)).append("\" fill=\"#eceff1\"/>");
        }
        for (Mark m : marks) {
            double x = labelW + axis.x(m.time());
            boolean strong = !m.kind().equals("phase");
            sb.append("<path class=\"vline vline-").append(m.kind()).append("\" d=\"M").append(num(x)).append(" 0 V")
                    .append(num(h)).append("\" stroke=\"").append(m.colour()).append("\" stroke-width=\"")
                    .append(strong ? "2" : "1").append("\" stroke-dasharray=\"").append(strong ? "6 3" : "2 3")
                    .append("\" fill=\"none\"/>");
        }
        for (int i = 0; i < rows.size(); i++) {
            row(sb, rows.get(i), i * ROW_H, hatch);
        }
        sb.append("</svg>\n");
    }

    private void row(StringBuilder sb, Device d, double top, String hatch) {
        double mid = top + ROW_H / 2.0;
        DeviceOutcome outcome = DeviceOutcome.of(r, d);
        String note = changed.containsKey(d.path()) ? changed.get(d.path()) : changed.get(d.name());
        boolean isChanged = note != null || changed.containsKey(d.path()) || changed.containsKey(d.name());
        sb.append("<g class=\"row outcome-").append(outcome.label()).append(isChanged ? " changed" : "")
                .append("\" data-device=\"").append(esc(d.name())).append("\">");
        if (isChanged) {
            sb.append("<rect x=\"0\" y=\"").append(num(top)).append("\" width=\"").append(num(width()))
                    .append("\" height=\"").append(ROW_H).append("\" fill=\"").append(Glyphs.CHANGED).append("\">")
                    .append(Glyphs.title("changed: " + (note == null ? "" : note))).append("</rect>");
        }
        String why = outcome == DeviceOutcome.BOUND || outcome == DeviceOutcome.BUS ? null : r.why(d).oneLine();
        sb.append("<text class=\"row-label").append(outcome == DeviceOutcome.BOUND ? "" : " unbound").append("\" x=\"")
                .append(isChanged ? 20 : 8).append("\" y=\"").append(num(mid + 4)).append("\">")
                .append(Glyphs.title(d.path() + (why == null ? "" : "\n" + why) + (isChanged && note != null ? "\nchanged: " + note : "")))
                .append(esc(Markup.clip(d.name(), MAX_LABEL_CHARS))).append("</text>");
        if (isChanged) {
            sb.append("<text class=\"delta\" x=\"6\" y=\"").append(num(mid + 4)).append("\">\u0394</text>");
        }
        StringBuilder bars = new StringBuilder();
        StringBuilder glyphs = new StringBuilder();
        List<BootEvent> evs = byDevice.getOrDefault(d.name(), List.of());
        long end = axis.end();
        long added = evs.isEmpty() ? 0 : evs.get(0).timeMicros();
        long firstProbe = -1;
        long deferStart = -1;
        long probeStart = -1;
        long boundAt = -1;
        int attempt = 0;
        for (BootEvent e : evs) {
            long t = e.timeMicros();
            switch (e.kind()) {
                case PROBE -> {
                    attempt++;
                    if (firstProbe < 0) {
                        firstProbe = t;
                    }
                    if (deferStart >= 0) {
                        bar(bars, deferStart, t, mid, "url(#" + hatch + ")", 10, "waiting on the deferred-probe list");
                        deferStart = -1;
                    }
                    probeStart = t;
                    glyphs.append(Glyphs.tick(x(t), mid, "probe attempt " + attempt + " by " + e.driver() + " at "
                            + Markup.seconds(t)));
                }
                case DEFER -> {
                    glyphs.append(Glyphs.triangle(x(t), mid, "deferred (attempt " + attempt + ", " + e.driver() + "): "
                            + (e.detail() == null ? "-EPROBE_DEFER" : e.detail()) + " at " + Markup.seconds(t)));
                    deferStart = t;
                }
                case BIND -> {
                    bar(bars, probeStart < 0 ? t : probeStart, t, mid, Glyphs.BOUND, 10, "probe by " + e.driver());
                    glyphs.append(Glyphs.circle(x(t), mid, "bound to " + e.driver() + " at " + Markup.seconds(t)));
                    boundAt = t;
                }
                case FAIL -> glyphs.append(Glyphs.cross(x(t), mid, "probe by " + e.driver() + " failed with "
                        + e.detail() + " at " + Markup.seconds(t)));
                default -> {
                }
            }
        }
        if (!evs.isEmpty()) {
            long waitEnd = firstProbe >= 0 ? firstProbe : end;
            bars.insert(0, line(added, waitEnd, mid, Glyphs.GREY, "1", "3 3", "created, no driver has tried it yet"));
        }
        if (deferStart >= 0) {
            bar(bars, deferStart, end, mid, "url(#" + hatch + ")", 10, "still deferred at the end of the boot");
        }
        if (boundAt >= 0) {
            bars.append(line(boundAt, end, mid, Glyphs.BOUND, "2", null, "bound"));
        }
        sb.append(bars).append(glyphs);
        sb.append("<text class=\"status status-").append(outcome.label()).append("\" x=\"")
                .append(num(labelW + axis.width() + 12)).append("\" y=\"").append(num(mid + 4)).append("\">")
                .append(Glyphs.title(why)).append(esc(status(d, outcome))).append("</text>");
        sb.append("</g>\n");
    }

    private String status(Device d, DeviceOutcome o) {
        String deferrals = d.deferCount() == 0 ? "" : ", " + d.deferCount() + (d.deferCount() == 1 ? " deferral" : " deferrals");
        return switch (o) {
            case BOUND -> (boundLate.contains(d) ? "bound after timeout" : "bound") + deferrals;
            case DEFERRED -> "still deferred" + deferrals;
            case FAILED -> "failed " + dev.dtprobe.kernel.Errno.name(d.failErrno());
            case NO_DRIVER -> "no driver";
            case BUS -> "bus";
        };
    }

    private double x(long t) {
        return labelW + axis.x(t);
    }

    private void bar(StringBuilder sb, long from, long to, double mid, String fill, double height, String title) {
        double x0 = x(from);
        double x1 = Math.max(x(to), x0 + 2);
        sb.append("<rect x=\"").append(num(x0)).append("\" y=\"").append(num(mid - height / 2)).append("\" width=\"")
                .append(num(x1 - x0)).append("\" height=\"").append(num(height)).append("\" fill=\"").append(fill)
                .append("\">").append(Glyphs.title(title + ": " + Markup.seconds(from) + " to " + Markup.seconds(to)))
                .append("</rect>");
    }

    private String line(long from, long to, double mid, String colour, String width, String dash, String title) {
        return "<path d=\"M" + num(x(from)) + " " + num(mid) + " H" + num(Math.max(x(to), x(from) + 1)) + "\" stroke=\""
                + colour + "\" stroke-width=\"" + width + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + " fill=\"none\">" + Glyphs.title(title) + "</path>";
    }
}
