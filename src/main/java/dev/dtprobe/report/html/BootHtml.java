package dev.dtprobe.report.html;

import static dev.dtprobe.report.html.Markup.esc;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.report.BootCounts;
import dev.dtprobe.report.DeviceOutcome;
import dev.dtprobe.report.graph.DependencyGraph;
import java.util.Locale;
import java.util.Map;

/**
 * {@code boot --html}: one self-contained HTML page per boot (inline CSS and SVG, a few lines of
 * inline script that only record script errors; no network, no external files) with the summary,
 * a bootchart-style timeline, the dependency graph, the unbound devices' chains and the IOMMU
 * groups. {@link #comparison} puts two boots side by side with changed devices marked, for
 * {@code diff --html}.
 */
public final class BootHtml {
    private static final double PLOT_WIDTH = 900;
    private static final double SIDE_PLOT_WIDTH = 520;

    private BootHtml() {
    }

    /** The report of one boot; {@code title} names it (usually the board file). */
    public static String report(BootResult r, String title) {
        StringBuilder sb = new StringBuilder();
        head(sb, "dtprobe boot: " + title);
        sb.append("<h1>dtprobe boot: ").append(esc(title)).append("</h1>\n");
        summary(sb, r);
        sb.append(Legend.render());
        sections(sb, r, "", PLOT_WIDTH, Map.of());
        return tail(sb);
    }

    /**
     * Two boots side by side (for {@code diff --html}), each with its summary, timeline, graph
     * and groups; devices whose node path (or device name) is a key of {@code changes} are
     * marked in both, with the value as their note, and listed at the top.
     */
    public static String comparison(BootResult a, String aTitle, BootResult b, String bTitle, Map<String, String> changes) {
        StringBuilder sb = new StringBuilder();
        head(sb, "dtprobe: " + aTitle + " vs " + bTitle);
        sb.append("<h1>dtprobe: ").append(esc(aTitle)).append(" vs ").append(esc(bTitle)).append("</h1>\n");
        sb.append("<section id=\"changes\"><h2>Changed devices</h2>\n");
        if (changes.isEmpty()) {
            sb.append("<p class=\"empty\">No device changed.</p>\n");
        } else {
            sb.append("<table class=\"changes\"><thead><tr><th scope=\"col\">device</th><th scope=\"col\">change</th></tr></thead><tbody>\n");
            changes.forEach((path, note) -> sb.append("<tr class=\"changed\"><td>\u0394 ").append(esc(path)).append("</td><td>")
                    .append(esc(note)).append("</td></tr>\n"));
            sb.append("</tbody></table>\n");
        }
        sb.append("</section>\n").append(Legend.render());
        sb.append("<div class=\"side-by-side\">\n");
        side(sb, a, aTitle, "a-", changes);
        side(sb, b, bTitle, "b-", changes);
        sb.append("</div>\n");
        return tail(sb);
    }

    private static void side(StringBuilder sb, BootResult r, String title, String prefix, Map<String, String> changes) {
        sb.append("<div class=\"side\" id=\"").append(prefix).append("side\"><h2 class=\"side-title\">").append(esc(title)).append("</h2>\n");
        summary(sb, r);
        sections(sb, r, prefix, SIDE_PLOT_WIDTH, changes);
        sb.append("</div>\n");
    }

    private static void sections(StringBuilder sb, BootResult r, String prefix, double plotWidth, Map<String, String> changes) {
        sb.append("<section class=\"timeline-section\"><h2>Boot timeline</h2>\n");
        sb.append(new TimelineSvg(r, prefix, plotWidth, changes).render());
        sb.append("</section>\n<section class=\"graph-section\"><h2>Dependencies</h2>\n");
        sb.append("<p class=\"hint\">Suppliers are left of their consumers (left binds first); an arrow points from a "
                + "device to what it needs. Providers set up early by OF_DECLARE code (interrupt controllers, timers) "
                + "are left out. Hover for properties and reasons.</p>\n");
        sb.append(new GraphSvg(DependencyGraph.of(r), prefix, changes).render());
        unbound(sb, r);
        sb.append("</section>\n<section class=\"groups-section\"><h2>IOMMU groups</h2>\n");
        sb.append(IommuGroupTable.render(r, changes));
        sb.append("</section>\n");
    }

    private static void summary(StringBuilder sb, BootResult r) {
        BootCounts c = BootCounts.of(r);
        KernelProfile p = r.profile();
        sb.append("<section class=\"summary\"><ul class=\"counts\">");
        count(sb, "devices", c.devices(), "total");
        count(sb, "bound", c.bound(), "bound");
        count(sb, "bound after the timeout", c.boundAfterTimeout(), "late");
        count(sb, "deferred forever", c.deferred(), "deferred");
        count(sb, "failed", c.failed(), "failed");
        count(sb, "without a driver", c.noDriver(), "nodriver");
        count(sb, "bus containers", c.buses(), "bus");
        sb.append("</ul>\n<p class=\"profile\">Kernel ").append(esc(p.version().toString())).append(" (era ")
                .append(esc(p.era().name())).append("): deferred_probe_timeout=").append(p.deferredProbeTimeout())
                .append(", fw_devlink=").append(esc(p.fwDevlink().name().toLowerCase(Locale.ROOT)))
                .append(p.fwDevlinkStrict() ? " (strict)" : "").append(", modules=").append(p.modules() ? "y" : "n")
                .append(", default domain ").append(esc(p.defaultDomainLabel())).append("; late_initcall at ")
                .append(Markup.seconds(r.lateInitcallMicros()))
                .append(r.timeoutFiredMicros() < 0 ? ", no timeout fired"
                        : ", deferred-probe timeout fired at " + Markup.seconds(r.timeoutFiredMicros()))
                .append(".</p></section>\n");
    }

    private static void count(StringBuilder sb, String what, int n, String cls) {
        sb.append("<li class=\"count count-").append(cls).append("\"><span class=\"n\">").append(n)
                .append("</span> ").append(esc(what)).append("</li>");
    }

    private static void unbound(StringBuilder sb, BootResult r) {
        StringBuilder items = new StringBuilder();
        for (Device d : r.devices()) {
            DeviceOutcome o = DeviceOutcome.of(r, d);
            if (o != DeviceOutcome.BOUND && o != DeviceOutcome.BUS) {
                items.append("<li><code>").append(esc(r.why(d).oneLine())).append("</code></li>\n");
            }
        }
        if (items.length() > 0) {
            sb.append("<h3>Not bound, and why</h3>\n<ul class=\"why\">\n").append(items).append("</ul>\n");
        }
    }

    private static void head(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"generator\" content=\"dtprobe\"/>\n<title>").append(esc(title)).append("</title>\n")
                .append(PageAssets.ERROR_RECORDER).append("<style>\n").append(PageAssets.CSS).append("</style>\n</head>\n<body>\n");
    }

    private static String tail(StringBuilder sb) {
        sb.append(PageAssets.READY_MARKER).append("</body>\n</html>\n");
        return sb.toString();
    }
}
