package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.iommu.IommuIdLimits;
import dev.dtprobe.iommu.IommuKind;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * Stream IDs (and SMR masks, uTLB numbers) beyond what the named IOMMU implements, in the ranges
 * dtprobe's IOMMU models assume (the DT does not describe the hardware's ID width).
 */
public final class StreamIdRange extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("stream-id-out-of-range", RuleLevel.WARNING, RuleCategory.PROBE)
            .summary("a master's stream ID, SMR mask or uTLB is beyond what its IOMMU accepts")
            .description("""
                    Checks the IDs in iommus (and the output range of a host bridge's iommu-map)
                    against the IOMMU the catalog's driver makes of the target. The DT does not say
                    how many ID bits the hardware has, so the limits are those dtprobe's models
                    assume, and each message says which: arm-smmu (SMMUv1/v2, MMU-500): the IOMMU
                    core's probe_device rejects IDs or SMR masks beyond 16 bits with -ERANGE ("stream
                    ID 0x.. out of range for SMMU") and the device binds without its IOMMU; the SMMU
                    model implements NUMSIDB=15 (16 bits only with the EXIDS extension), so 16-bit
                    IDs are flagged too. arm-smmu-v3: the model implements IDR1.SIDSIZE=16 (the
                    kernel rejects larger StreamIDs with -ERANGE, transactions get C_BAD_STREAMID).
                    ipmmu-vmsa: the uTLB number must be below the generation's micro-TLB count
                    (32 on Gen2, 48 on Gen3, 64 on Gen4).""")
            .example("""
                    / {
                        smmu: iommu@1000 {
                            compatible = "arm,mmu-500", "arm,smmu-v2";
                            reg = <0x1000 0x10000>;
                            #global-interrupts = <1>;
                            #iommu-cells = <1>;
                        };
                        dma@2000 {
                            compatible = "acme,dma";
                            reg = <0x2000 0x100>;
                            iommus = <&smmu 0x12345>;   /* 17 bits */
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (node.property("iommus") == null && node.property("iommu-map") == null || !ctx.canBoot()
                || !DeviceGraph.isAvailable(node)) {
            return;
        }
        DriverCatalog catalog = ctx.boot().catalog();
        for (IommusEntries.Entry e : IommusEntries.of(ctx.graph(), node)) {
            IommuKind kind = IommuTargets.kindOf(e.target(), catalog);
            if (kind == null || IommuTargets.isDisabled(e.target())) {
                continue;
            }
            long id = e.args().length > 0 ? e.args()[0] : 0;
            Long mask = kind == IommuKind.ARM_SMMU ? smrMask(e) : null;
            String problem = check(kind, e.target(), id, mask);
            if (problem != null) {
                ctx.report(node, "iommus", "entry " + e.index() + " (" + e.target().path() + "): " + problem);
            }
        }
        Property map = node.property("iommu-map");
        if (map != null) {
            for (IdMapEntries.Entry e : IdMapEntries.of(map)) {
                Node target = ctx.graph().byPhandle(e.phandle());
                IommuKind kind = target == null ? null : IommuTargets.kindOf(target, catalog);
                if (kind == null || e.length() == 0 || IommuTargets.isDisabled(target)) {
                    continue;
                }
                long last = (e.outBase() + e.length() - 1) & IdMapEntries.U32;
                Long mask = kind == IommuKind.ARM_SMMU ? streamMatchMask(target) : null;
                String problem = check(kind, target, last, mask);
                if (problem != null) {
                    ctx.report(node, map, "entry " + e.index() + " maps up to output ID " + Texts.hex(last) + " on "
                            + target.path() + ": " + problem);
                }
            }
        }
    }

    private static String check(IommuKind kind, Node iommu, long id, Long smrMask) {
        return switch (kind) {
            case ARM_SMMU -> smmuV2(iommu, id, smrMask == null ? 0 : smrMask);
            case ARM_SMMU_V3 -> {
                int bits = IommuIdLimits.smmuV3ModelStreamIdBits();
                yield id >>> bits == 0 ? null : "StreamID " + Texts.hex(id) + " needs more than the " + bits
                        + " StreamID bits (IDR1.SIDSIZE) dtprobe's SMMUv3 model implements; arm_smmu_probe_device "
                        + "rejects StreamIDs beyond SIDSIZE with -ERANGE and the device binds without its IOMMU "
                        + "(check the SMMU's IDR1.SIDSIZE)";
            }
            case IPMMU_VMSA -> {
                int utlbs = IommuIdLimits.ipmmuUtlbs(iommu);
                yield utlbs < 0 || id < utlbs ? null : "uTLB " + id + " does not exist: "
                        + IommuIdLimits.ipmmuGeneration(iommu) + " IPMMUs have " + utlbs + " micro-TLBs (uTLB 0-"
                        + (utlbs - 1) + "), so the IPMMU model refuses the attach with -EINVAL and the device's DMA "
                        + "is not translated";
            }
            default -> null;
        };
    }

    private static String smmuV2(Node smmu, long sid, long mask) {
        long probeMask = IommuIdLimits.smmuV2ProbeMask();
        if ((sid & ~probeMask) != 0 || (mask & ~probeMask) != 0) {
            boolean isSid = (sid & ~probeMask) != 0;
            return (isSid ? "stream ID " + Texts.hex(sid) : "SMR mask " + Texts.hex(mask)) + " exceeds the "
                    + Long.bitCount(probeMask) + " bits arm-smmu accepts: probe_device fails with -ERANGE (\""
                    + (isSid ? "stream ID " + Texts.hex(sid) : "SMR mask " + Texts.hex(mask))
                    + " out of range for SMMU (" + Texts.hex(probeMask) + ")\") and the device binds without its IOMMU";
        }
        int bits = IommuIdLimits.smmuV2ModelStreamIdBits(smmu);
        long modelMask = (1L << bits) - 1;
        if ((sid & ~modelMask) != 0 || (mask & ~modelMask) != 0) {
            return ((sid & ~modelMask) != 0 ? "stream ID " + Texts.hex(sid) : "SMR mask " + Texts.hex(mask))
                    + " needs 16 bits: SMMU_IDR0.NUMSIDB is at most " + bits + " without the EXIDS extension, and "
                    + "dtprobe's SMMU model (MMU-500, NUMSIDB=" + bits + ") rejects it in arm_smmu_probe_device";
        }
        return null;
    }

    private static Long smrMask(IommusEntries.Entry e) {
        return e.args().length > 1 ? Long.valueOf(e.args()[1]) : streamMatchMask(e.target());
    }

    private static Long streamMatchMask(Node smmu) {
        Property p = smmu.property("stream-match-mask");
        return p != null && p.value().length() == 4 ? p.value().cellAt(0) : 0L;
    }
}
