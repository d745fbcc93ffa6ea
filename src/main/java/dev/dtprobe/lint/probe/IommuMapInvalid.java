package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/** {@code iommu-map} / {@code msi-map} entries that {@code of_map_id} rejects or that map nothing. */
public final class IommuMapInvalid extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("iommu-map-invalid", RuleLevel.ERROR, RuleCategory.PROBE)
            .summary("iommu-map or msi-map that of_map_id rejects: bad length, mask ignoring id-base, wrong target")
            .description("""
                    Checks a host bridge's (or fsl-mc bus's) iommu-map and msi-map the way
                    of_map_id() reads them. A length that is not a whole number of
                    <id-base phandle out-base length> entries fails every lookup with -EINVAL ("Bad
                    iommu-map length"). An id-base with bits outside iommu-map-mask fails with
                    -EFAULT ("iommu-map-mask (0x..) ignores id-base (0x..)") for every ID that reaches
                    the entry. A phandle that names no node gives
                    -ENODEV. An iommu-map target that is not an IOMMU (no #iommu-cells, or no IOMMU
                    driver) and an msi-map target without msi-controller are reported too. Disabled
                    targets are not (a board may disable its SMMU on purpose). Devices behind such a
                    map get no IOMMU (or no MSI translation).""")
            .example("""
                    / {
                        smmu: iommu@1000 {
                            compatible = "arm,smmu-v3";
                            reg = <0x1000 0x20000>;
                            #iommu-cells = <1>;
                        };
                        pcie@10000000 {
                            compatible = "pci-host-ecam-generic";
                            device_type = "pci";
                            reg = <0x10000000 0x1000000>;
                            #address-cells = <3>;
                            #size-cells = <2>;
                            iommu-map = <0x100 &smmu 0x0 0x100>;
                            iommu-map-mask = <0xff>;   /* ignores bit 8 of id-base 0x100 */
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!DeviceGraph.isAvailable(node)) {
            return;
        }
        for (String map : IdMapEntries.MAPS) {
            Property p = node.property(map);
            if (p != null) {
                check(node, map, p, ctx);
            }
        }
    }

    private void check(Node node, String map, Property p, LintContext ctx) {
        int len = p.value().length();
        if (len == 0 || len % 16 != 0) {
            ctx.report(node, p, "length " + len + " bytes is not a whole number of <id-base phandle out-base length> "
                    + "entries: of_map_id fails every lookup with -EINVAL (\"Error: Bad " + map + " length: " + len
                    + "\")" + consequence(map));
            return;
        }
        long mask = IdMapEntries.mask(node, map);
        DriverCatalog catalog = ctx.canBoot() ? ctx.boot().catalog() : null;
        for (IdMapEntries.Entry e : IdMapEntries.of(p)) {
            String entry = "entry " + e.index() + " (id-base " + Texts.hex(e.idBase()) + ")";
            if ((e.idBase() & ~mask & IdMapEntries.U32) != 0) {
                ctx.report(node, p, entry + ": " + map + "-mask " + Texts.hex(mask) + " ignores bits of the id-base; "
                        + "of_map_id fails with -EFAULT (\"Invalid " + map + " translation - " + map + "-mask ("
                        + Texts.hex(mask) + ") ignores id-base (" + Texts.hex(e.idBase()) + ")\") for every ID that "
                        + "reaches this entry" + consequence(map));
            }
            Node target = ctx.graph().byPhandle(e.phandle());
            if (target == null) {
                ctx.report(node, p, entry + ": phandle " + e.phandle() + " names no node; IDs it covers get -ENODEV"
                        + consequence(map));
            } else if (!IommuTargets.isDisabled(target)) {
                String why = map.equals("msi-map")
                        ? target.property("msi-controller") == null ? "it has no msi-controller property" : null
                        : IommuTargets.notAnIommu(target, catalog);
                if (why != null) {
                    ctx.report(node, p, entry + " targets " + target.path() + ", but " + why);
                }
            }
        }
    }

    private static String consequence(String map) {
        return map.equals("iommu-map") ? ": the devices behind it get no IOMMU" : ": their MSIs are not translated";
    }
}
