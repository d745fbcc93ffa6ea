package dev.dtprobe.report.html;

/**
 * The report page's only CSS and script. The script does no drawing: it records script errors
 * on the root element ({@code data-errors}) and marks the page ready with its row and vertex
 * counts, so a headless browser test can see that the page loaded cleanly. No {@code <} or
 * {@code &} in either, so the page stays well-formed XML.
 */
final class PageAssets {
    private PageAssets() {
    }

    static final String ERROR_RECORDER = """
            <script>
            window.addEventListener('error', function (e) {
              var root = document.documentElement;
              var n = Number(root.getAttribute('data-errors') || '0') + 1;
              root.setAttribute('data-errors', String(n));
              root.setAttribute('data-last-error', String(e.message));
            });
            </script>
            """;

    static final String READY_MARKER = """
            <script>
            (function () {
              var root = document.documentElement;
              root.setAttribute('data-rows', String(document.querySelectorAll('svg.timeline g.row').length));
              root.setAttribute('data-vertices', String(document.querySelectorAll('svg.depgraph g.vertex').length));
              root.setAttribute('data-ready', 'yes');
            })();
            </script>
            """;

    static final String CSS = """
            body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; margin: 16px 20px; color: #212121; }
            h1 { font-size: 20px; margin: 0 0 8px 0; }
            h2 { font-size: 16px; margin: 18px 0 6px 0; }
            h3 { font-size: 14px; margin: 12px 0 4px 0; }
            code, .mono { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; }
            ul.counts { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 8px; }
            li.count { border: 1px solid #cfd8dc; border-radius: 4px; padding: 3px 9px; font-size: 13px; }
            li.count .n { font-weight: bold; font-size: 15px; }
            li.count-bound .n { color: #2e7d32; }
            li.count-deferred .n, li.count-late .n { color: #b35c00; }
            li.count-failed .n { color: #c62828; }
            p.profile, p.hint, p.empty { font-size: 13px; margin: 4px 0; color: #37474f; }
            .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; margin: 8px 0; align-items: center; }
            .legend span { display: inline-flex; align-items: center; gap: 4px; }
            .timeline-scroll, .graph-scroll { max-height: 78vh; overflow: auto; border: 1px solid #cfd8dc; background: #fff; }
            .sticky-head { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #cfd8dc; }
            svg text { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; fill: #212121; }
            svg text.mark-label { font-size: 11px; }
            svg text.tick, svg text.break-label { font-size: 10px; fill: #424242; }
            svg text.axis-title, svg text.layer-label { font-size: 11px; fill: #607d8b; }
            svg text.unbound { fill: #b71c1c; font-weight: bold; }
            svg text.status { font-size: 11px; }
            svg text.status-failed, svg text.status-deferred { fill: #b71c1c; font-weight: bold; }
            svg text.status-no-driver, svg text.status-bus, svg text.nodevice { fill: #757575; font-style: italic; }
            svg text.delta { fill: #8d6e00; font-weight: bold; }
            table { border-collapse: collapse; font-size: 12px; margin: 4px 0; }
            th, td { border: 1px solid #cfd8dc; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #eceff1; }
            tr.changed td { background: #fff3b0; }
            ul.why { font-size: 12px; margin: 4px 0; padding-left: 20px; }
            .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
            .side { min-width: 0; }
            """;
}
