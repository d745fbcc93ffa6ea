package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.Device;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.graph.IdMapping;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code iommu-map} / {@code msi-map} that translates, but not the way the board needs: IDs of
 * enumerated devices no entry covers, overlapping entries, and a mask that gives distinct devices
 * one output ID.
 */
public final class IommuMapGaps extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("iommu-map-gaps", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("iommu-map that leaves enumerated devices uncovered, has empty or overlapping entries, or masks distinct IDs together")
            .description("""
                    Uses the boot's PCI enumeration (and fsl-mc objects) to check the host bridge's
                    iommu-map against the requester IDs that really occur. A RID no entry covers
                    gets "no iommu-map translation for id 0x.. on (null)" and the function has no
                    IOMMU: its DMA bypasses translation. Overlapping entries are legal but only the
                    first match counts, so the later entry is (partly) dead. An iommu-map-mask that
                    maps two present devices to the same output ID puts them behind one stream ID:
                    the IOMMU cannot isolate them. Overlaps and masking are checked for msi-map too.""")
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
                            iommu-map = <0x0 &smmu 0x0 0x100>;   /* bus 0 only */
                            pcie@0,0 {
                                device_type = "pci";
                                reg = <0x0000 0 0 0 0>;
                                #address-cells = <3>;
                                #size-cells = <2>;
                                ethernet@0,0 {
                                    compatible = "pci15b3,1017";
                                    reg = <0x10000 0 0 0 0>;   /* 01:00.0, RID 0x100: not covered */
                                };
                            };
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
            if (p == null) {
                continue;
            }
            List<IdMapEntries.Entry> entries = IdMapEntries.of(p);
            overlaps(node, p, entries, ctx);
            if (ctx.canBoot() && !entries.isEmpty()) {
                List<Device> users = BootFacts.of(ctx).idMapUsers(node);
                if (map.equals("iommu-map")) {
                    uncovered(node, p, users, ctx);
                }
                aliases(node, map, p, users, ctx);
            }
        }
    }

    private static void overlaps(Node node, Property p, List<IdMapEntries.Entry> entries, LintContext ctx) {
        for (IdMapEntries.Entry e : entries) {
            if (e.length() == 0) {
                ctx.report(node, p, "entry " + e.index() + " (id-base " + Texts.hex(e.idBase()) + ") has length 0 and "
                        + "maps no ID (if the boot firmware fills it in, lint the tree it passes to the kernel)");
            }
        }
        for (int j = 0; j < entries.size(); j++) {
            IdMapEntries.Entry later = entries.get(j);
            for (int i = 0; i < j; i++) {
                IdMapEntries.Entry first = entries.get(i);
                long lo = Math.max(first.idBase(), later.idBase());
                long hi = Math.min(first.idEnd(), later.idEnd());
                if (lo < hi && first.length() > 0 && later.length() > 0) {
                    ctx.report(node, p, "entry " + j + " overlaps entry " + i + " for IDs " + Texts.hex(lo) + "-"
                            + Texts.hex(hi - 1) + ": the first matching entry wins, so entry " + j
                            + " never translates them");
                    break;
                }
            }
        }
    }

    private static void uncovered(Node node, Property p, List<Device> users, LintContext ctx) {
        for (Device d : users) {
            IdMapping m = ctx.graph().mapId(node, "iommu-map", d.requesterId());
            if (m.kind() == IdMapping.Kind.NO_TRANSLATION) {
                ctx.report(node, p, "no entry covers " + IdMapEntries.idName(d) + " (masked "
                        + Texts.hex(d.requesterId() & IdMapEntries.mask(node, "iommu-map")) + "): the kernel logs \""
                        + m.logLine() + "\" and the device gets no IOMMU, so its DMA bypasses translation");
            }
        }
    }

    private static void aliases(Node node, String map, Property p, List<Device> users, LintContext ctx) {
        Map<String, Device> byOutput = new HashMap<>();
        for (Device d : users) {
            IdMapping m = ctx.graph().mapId(node, map, d.requesterId());
            if (m.kind() != IdMapping.Kind.MAPPED) {
                continue;
            }
            String key = m.target().path() + "#" + m.id();
            Device other = byOutput.putIfAbsent(key, d);
            if (other != null && other.requesterId() != d.requesterId()) {
                ctx.report(node, p, map + "-mask " + Texts.hex(IdMapEntries.mask(node, map)) + " maps " + IdMapEntries.idName(other)
                        + " and " + IdMapEntries.idName(d)
                        + " to the same ID " + Texts.hex(m.id()) + " on " + m.target().path()
                        + ": the " + (map.equals("msi-map") ? "MSI controller" : "IOMMU") + " cannot tell them apart");
            }
        }
    }
}
