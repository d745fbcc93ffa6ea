package dev.dtprobe.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * A broken time axis. A simulated boot is busy for tens of milliseconds, then often idle for
 * seconds until the deferred-probe timeout or a module load: a linear axis would squeeze the busy
 * part into a pixel. Busy stretches (events no further apart than a threshold) become segments,
 * each linear with its own scale and ticks; idle gaps become fixed-width breaks labelled with
 * their length.
 */
final class TimeAxis {
    static final double BREAK_PX = 44;
    private static final double PAD_PX = 8;
    private static final double MIN_SEGMENT_PX = 90;
    private static final double TICK_SPACING_PX = 80;
    /** Gaps shorter than this are drawn to scale whatever the span. */
    private static final long MIN_BREAK_MICROS = 20_000;

    /** One busy stretch and where it is drawn (padding included). */
    record Segment(long start, long end, double x0, double x1) {
        double scale() {
            return end == start ? 0 : (x1 - x0 - 2 * PAD_PX) / (end - start);
        }

        double x(long t) {
            return x0 + PAD_PX + (t - start) * scale() + (end == start ? (x1 - x0 - 2 * PAD_PX) / 2 : 0);
        }
    }

    record Tick(double x, String label) {
    }

    private final List<Segment> segments;
    private final double width;

    private TimeAxis(List<Segment> segments, double width) {
        this.segments = segments;
        this.width = width;
    }

    /** An axis over the given event times (0 is always included), about {@code width} pixels wide. */
    static TimeAxis of(SortedSet<Long> times, double width) {
        List<long[]> spans = new ArrayList<>();
        long last = 0;
        long first = 0;
        long end = times.isEmpty() ? 0 : Math.max(0, times.last());
        long threshold = Math.max(MIN_BREAK_MICROS, end / 20);
        for (long t : times) {
            if (t < 0) {
                continue;
            }
            if (t - last > threshold) {
                spans.add(new long[] {first, last});
                first = t;
            }
            last = t;
        }
        spans.add(new long[] {first, last});
        double avail = width - (spans.size() - 1) * BREAK_PX;
        double[] w = widths(spans, avail);
        List<Segment> segs = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < spans.size(); i++) {
            segs.add(new Segment(spans.get(i)[0], spans.get(i)[1], x, x + w[i]));
            x += w[i] + BREAK_PX;
        }
        return new TimeAxis(List.copyOf(segs), x - BREAK_PX);
    }

    /** Widths proportional to duration, none below the minimum. */
    private static double[] widths(List<long[]> spans, double avail) {
        int n = spans.size();
        double[] w = new double[n];
        boolean[] fixed = new boolean[n];
        for (int round = 0; round < n + 1; round++) {
            double free = avail;
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= MIN_SEGMENT_PX;
                } else {
                    total += Math.max(1, spans.get(i)[1] - spans.get(i)[0]);
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    w[i] = MIN_SEGMENT_PX;
                    continue;
                }
                w[i] = free * Math.max(1, spans.get(i)[1] - spans.get(i)[0]) / total;
                if (w[i] < MIN_SEGMENT_PX) {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(w[i], MIN_SEGMENT_PX);
        }
        return w;
    }

    double width() {
        return width;
    }

    List<Segment> segments() {
        return segments;
    }

    long end() {
        return segments.get(segments.size() - 1).end();
    }

    /** Where time {@code t} is drawn; inside a break, proportionally across it. */
    double x(long t) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (t <= s.end()) {
                if (t >= s.start() || i == 0) {
                    return s.x(Math.max(t, s.start()));
                }
                Segment prev = segments.get(i - 1);
                double f = (double) (t - prev.end()) / (s.start() - prev.end());
                return prev.x1() + f * (s.x0() - prev.x1());
            }
        }
        return width;
    }

    /** Round-numbered ticks in every segment, dropping any whose label would touch the previous one. */
    List<Tick> ticks() {
        List<Tick> out = new ArrayList<>();
        double lastEnd = -1e9;
        for (Segment s : segments) {
            long len = s.end() - s.start();
            List<Long> at = new ArrayList<>();
            long step;
            if (len == 0) {
                step = 1;
                at.add(s.start());
            } else {
                step = niceStep(len * TICK_SPACING_PX / (s.x1() - s.x0()));
                for (long t = ceilTo(s.start(), step); t <= s.end(); t += step) {
                    at.add(t);
                }
                if (at.isEmpty()) {
                    at.add(s.start());
                }
            }
            for (long t : at) {
                String label = label(t, step);
                double x = s.x(t);
                double half = label.length() * Markup.CHAR_WIDTH * 0.85 / 2;
                if (x - half > lastEnd + 6) {
                    out.add(new Tick(x, label));
                    lastEnd = x + half;
                }
            }
        }
        return out;
    }

    private static long ceilTo(long t, long step) {
        return (t + step - 1) / step * step;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw} microseconds. */
    static long niceStep(double raw) {
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= raw) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    /** Seconds with as many decimals as the tick step needs. */
    static String label(long t, long step) {
        int decimals = 0;
        for (long s = step; s < 1_000_000 && decimals < 6; s *= 10) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f s", t / 1e6);
    }
}
