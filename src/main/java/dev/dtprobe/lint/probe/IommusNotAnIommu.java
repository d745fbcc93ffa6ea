package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** {@code iommus} names a node that cannot be an IOMMU. */
public final class IommusNotAnIommu extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("iommus-not-an-iommu", RuleLevel.ERROR, RuleCategory.PROBE)
            .summary("iommus points at a node that is not an IOMMU (no #iommu-cells, or no IOMMU driver)")
            .description("""
                    Checks every node an iommus entry names against what of_iommu needs. A node
                    without #iommu-cells stops the parse ("could not get #iommu-cells") and the
                    device gets no IOMMU. A node without compatible, or one whose driver in the
                    selected catalog is an ordinary driver that never registers an IOMMU, looks to
                    of_iommu like an IOMMU that has not registered yet: the device defers until the
                    deferred-probe timeout and then binds without translation. Usually a wrong label
                    or phandle. Unknown compatibles are left to the boot-based rules
                    (bound-after-timeout): the catalog may simply lack that IOMMU's driver.""")
            .example("""
                    / {
                        cru: clock-controller@3000 {
                            compatible = "acme,cru";
                            reg = <0x3000 0x100>;
                            #clock-cells = <1>;
                        };
                        mmc@2000 {
                            compatible = "acme,sdhci";
                            reg = <0x2000 0x100>;
                            iommus = <&cru 0x10>;   /* meant &smmu */
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!DeviceGraph.isAvailable(node)) { // IommusEntries is empty without iommus
            return;
        }
        DriverCatalog catalog = ctx.canBoot() ? ctx.boot().catalog() : null;
        for (IommusEntries.Entry e : IommusEntries.of(ctx.graph(), node)) {
            if (IommuTargets.isDisabled(e.target())) {
                continue;
            }
            String why = IommuTargets.notAnIommu(e.target(), catalog);
            if (why != null) {
                ctx.report(node, "iommus", "entry " + e.index() + " names " + e.target().path() + ", but " + why);
            }
        }
    }
}
