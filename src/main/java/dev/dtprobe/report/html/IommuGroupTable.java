package dev.dtprobe.report.html;

import static dev.dtprobe.report.html.Markup.esc;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.kernel.DmaMaster;
import java.util.ArrayList;
import java.util.List;

/** The IOMMU groups of a boot as an HTML table: id, IOMMU, devices, default domain, DMA owner. */
final class IommuGroupTable {
    private IommuGroupTable() {
    }

    static String render(BootResult r, java.util.Map<String, String> changed) {
        List<IommuGroup> groups = r.iommu().groups();
        if (groups.isEmpty()) {
            return "<p class=\"empty\">No IOMMU groups: no device ended up behind an IOMMU.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table class=\"groups\">\n<thead><tr><th scope=\"col\">group</th>"
                + "<th scope=\"col\">IOMMU</th><th scope=\"col\">driver</th><th scope=\"col\">devices</th>"
                + "<th scope=\"col\">default domain</th><th scope=\"col\">DMA owner</th></tr></thead>\n<tbody>\n");
        for (IommuGroup g : groups) {
            List<String> names = new ArrayList<>();
            boolean isChanged = false;
            for (DmaMaster m : g.devices()) {
                names.add(m.name());
                String path = m.node() == null ? m.name() : m.node().path();
                isChanged |= changed.containsKey(path) || changed.containsKey(m.name());
            }
            sb.append("<tr").append(isChanged ? " class=\"changed\"" : "").append("><td>").append(g.id()).append("</td><td>")
                    .append(esc(g.iommu().path())).append("</td><td>").append(esc(g.iommu().driverName()))
                    .append("</td><td>").append(esc(String.join(", ", names))).append("</td><td>")
                    .append(g.defaultDomain() == null ? "-" : esc(g.defaultDomain().label() + " (" + g.defaultDomain().name() + ")"))
                    .append("</td><td>").append(esc(owner(g))).append("</td></tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    /** Who owns DMA for the group (§5.6): a claiming owner such as VFIO, else the kernel DMA API. */
    static String owner(IommuGroup g) {
        if (g.owner() != null) {
            return g.owner() + " (claimed, " + g.ownerCount() + ")";
        }
        if (g.ownerCount() > 0) {
            return "kernel DMA API (" + g.ownerCount() + (g.ownerCount() == 1 ? " driver)" : " drivers)");
        }
        return "kernel DMA API";
    }
}
