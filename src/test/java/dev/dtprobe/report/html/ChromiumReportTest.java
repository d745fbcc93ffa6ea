package dev.dtprobe.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.driver.BootResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports in a real browser (runs where Debian's chromium is installed; .ci/run
 * installs it): they load with no console message and no script error, and the page's own
 * ready marker counts the timeline rows and graph vertices the browser built.
 */
class ChromiumReportTest {
    private static final Pattern ROOT_ATTR = Pattern.compile("<html([^>]*)>");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsChromium() {
        assumeTrue(HeadlessChromium.installed(), "chromium not installed");
    }

    private static String attr(String dom, String name) {
        Matcher root = ROOT_ATTR.matcher(dom);
        assertTrue(root.find(), "no <html> element in the DOM");
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(root.group(1));
        return m.find() ? m.group(1) : null;
    }

    private HeadlessChromium.Loaded open(String html) throws Exception {
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return HeadlessChromium.load(page, tmp);
    }

    @Test
    void bootReportLoadsCleanlyWithTimelineAndGraph() throws Exception {
        BootResult r = HtmlFixtures.xenSeed("5.10");
        HeadlessChromium.Loaded loaded = open(BootHtml.report(r, "xen-grant-dma.dts"));
        assertEquals(List.of(), loaded.console(), "console messages");
        assertEquals("yes", attr(loaded.dom(), "data-ready"));
        assertEquals(null, attr(loaded.dom(), "data-errors"));
        assertEquals(String.valueOf(r.devices().size()), attr(loaded.dom(), "data-rows"));
        assertEquals(String.valueOf(r.devices().size()), attr(loaded.dom(), "data-vertices"));
    }

    @Test
    void fiveHundredDeviceReportLoadsCleanly() throws Exception {
        BootResult r = HtmlFixtures.synthetic(500);
        HeadlessChromium.Loaded loaded = open(BootHtml.report(r, "synthetic-500"));
        assertEquals(List.of(), loaded.console());
        assertEquals(String.valueOf(r.devices().size()), attr(loaded.dom(), "data-rows"));
    }

    @Test
    void comparisonLoadsCleanly() throws Exception {
        HeadlessChromium.Loaded loaded = open(BootHtml.comparison(HtmlFixtures.xenSeed("5.10"), "5.10",
                HtmlFixtures.xenSeed("6.1"), "6.1", Map.of("/virtio@2000000", "IOMMU: none -> xen-grant")));
        assertEquals(List.of(), loaded.console());
        assertEquals("yes", attr(loaded.dom(), "data-ready"));
    }

    /** The check can fail: a script error on the page shows up in both channels. */
    @Test
    void aBrokenPageIsCaught() throws Exception {
        String html = BootHtml.report(HtmlFixtures.xenSeed("6.1"), "x.dts")
                .replace("</body>", "<script>noSuchFunction();</script></body>");
        HeadlessChromium.Loaded loaded = open(html);
        assertFalse(loaded.console().isEmpty(), "console shows the error");
        assertTrue(loaded.console().get(0).contains("noSuchFunction"), loaded.console().get(0));
        assertEquals("1", attr(loaded.dom(), "data-errors"));
    }
}
