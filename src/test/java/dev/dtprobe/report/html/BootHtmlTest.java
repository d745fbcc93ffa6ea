package dev.dtprobe.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BootHtmlTest {

    /** The page is kept well-formed XML (PageAssets says why), so a strict parser reads it. */
    private static Document parse(String html) throws Exception {
        String xml = html.replaceFirst("(?i)<!DOCTYPE html>", "");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    @Test
    void oneTimelineRowAndOneGraphVertexPerDevice() throws Exception {
        BootResult r = HtmlFixtures.xenSeed("5.10");
        Document d = parse(BootHtml.report(r, "xen-grant-dma.dts"));
        assertEquals(r.devices().size(), count(d, "//*[local-name()='svg' and contains(concat(' ',@class,' '),' timeline ')]"
                + "//*[local-name()='g' and contains(concat(' ',@class,' '),' row ')]"));
        assertEquals(r.devices().size(), count(d, "//*[local-name()='svg' and contains(concat(' ',@class,' '),' depgraph ')]"
                + "//*[local-name()='g' and contains(concat(' ',@class,' '),' vertex ')]"));
        String html = BootHtml.report(r, "xen-grant-dma.dts");
        for (Device dev : r.devices()) {
            assertTrue(html.contains(dev.name()), dev.name());
        }
        // 5.10 has no grant-DMA IOMMU driver: the node is unbound and its reason is on the page
        assertTrue(html.contains("does not exist in v5.10"), "why the IOMMU node has no driver");
        assertTrue(html.contains("late_initcall"), "phase boundary on the axis");
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        String html = BootHtml.report(HtmlFixtures.xenSeed("6.1"), "x.dts");
        for (Pattern external : List.of(Pattern.compile("(?i)\\bsrc\\s*="), Pattern.compile("(?i)<link\\b"),
                Pattern.compile("(?i)@import"), Pattern.compile("(?i)url\\(\\s*['\"]?(https?:|//)"),
                Pattern.compile("(?i)href=\"(https?:|//)"))) {
            assertFalse(external.matcher(html).find(), "external reference " + external);
        }
    }

    @Test
    void namesAreEscaped() throws Exception {
        String html = BootHtml.report(HtmlFixtures.xenSeed("6.1"), "a<b>&\"c\".dts");
        assertTrue(html.contains("a&lt;b&gt;&amp;"), "title escaped");
        parse(html); // and the page stays well-formed
    }

    @Test
    void fiveHundredDevicesGiveFiveHundredRowsWithoutOverlap() throws Exception {
        BootResult r = HtmlFixtures.synthetic(500);
        Document d = parse(BootHtml.report(r, "synthetic-500"));
        NodeList rows = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "//*[local-name()='svg' and contains(concat(' ',@class,' '),' timeline ')]//*[local-name()='g' and contains(concat(' ',@class,' '),' row ')]",
                d, XPathConstants.NODESET);
        assertEquals(r.devices().size(), rows.getLength());
        assertTrue(r.devices().size() >= 500);
        // each row has its own band: the rows' labels sit at distinct heights
        Set<String> ys = new HashSet<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Element label = (Element) ((Element) rows.item(i)).getElementsByTagName("text").item(0);
            ys.add(label.getAttribute("y"));
        }
        assertEquals(rows.getLength(), ys.size(), "rows share a position");
    }

    @Test
    void comparisonMarksTheChangedDevicesOnBothSides() throws Exception {
        BootResult a = HtmlFixtures.xenSeed("5.10");
        BootResult b = HtmlFixtures.xenSeed("6.1");
        String html = BootHtml.comparison(a, "5.10", b, "6.1", Map.of("/virtio@2000000", "IOMMU: none -> xen-grant"));
        Document d = parse(html);
        assertEquals(2, count(d, "//*[local-name()='svg' and contains(concat(' ',@class,' '),' timeline ')]"));
        assertTrue(html.contains("IOMMU: none -&gt; xen-grant"));
        // the changed device is marked in each side's timeline and graph
        assertEquals(4, count(d, "//*[local-name()='g' and contains(concat(' ',@class,' '),' changed ')]"));
    }
}
