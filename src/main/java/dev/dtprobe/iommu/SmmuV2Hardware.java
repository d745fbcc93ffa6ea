package dev.dtprobe.iommu;

import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.translate.pgtable.Xlate;
import dev.dtprobe.translate.smmu.ArmSmmu;
import dev.dtprobe.translate.smmu.SmmuDomain;
import dev.dtprobe.translate.smmu.SmmuConfig;
import dev.dtprobe.translate.smmu.SmmuResources;
import dev.dtprobe.translate.smmu.SmmuResult;
import dev.dtprobe.translate.smmu.SmmuVersion;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SMMU v1/v2 / MMU-500 as arm-smmu programs it (§1 of translators.md): one domain per IOMMU
 * group, and each master's stream IDs attached with the SMR/S2CR/context-bank allocation Linux
 * uses. Context banks are counted from the node's context interrupts; SMRs and stream ID bits
 * are implementation defaults ({@link SmmuResources} says where each value comes from).
 */
final class SmmuV2Hardware {
    private final IommuInstance instance;
    private final ArmSmmu smmu;
    private final Map<IommuGroup, SmmuDomain> domains = new HashMap<>();

    SmmuV2Hardware(IommuInstance instance, DeviceGraph graph) {
        this.instance = instance;
        this.smmu = new ArmSmmu(config(instance.node(), contextIrqs(instance.node(), graph)), true);
    }

    /**
     * The implementation the model assumes for an SMMU node: its version from the compatible,
     * its resources from {@link SmmuResources} ({@code contextIrqs} -1: not known).
     */
    static SmmuConfig config(Node node, int contextIrqs) {
        Property compatible = node.property("compatible");
        SmmuVersion version = SmmuVersion.fromCompatible(compatible == null ? List.of() : compatible.value().strings());
        return SmmuResources.forNode(version, contextIrqs);
    }

    /**
     * Entries of the node's interrupts after the first {@code #global-interrupts} (counted as
     * of_irq_count does, while each index resolves), or -1 without {@code #global-interrupts}.
     */
    static int contextIrqs(Node smmu, DeviceGraph graph) {
        Property global = smmu.property("#global-interrupts");
        if (global == null || global.value().length() != 4) return -1;
        int n = 0;
        while (n <= MAX_IRQS && graph.interruptController(smmu, n) != null) n++;
        return n - (int) global.value().cellAt(0);
    }

    /** Bounds the count for interrupt parents with #interrupt-cells = 0 (every index resolves). */
    private static final int MAX_IRQS = 1024;

    /** Attaches the master's (stream ID, SMR mask) pairs to its group's default domain. */
    int attach(DmaMaster dev, List<Long> fwids, IommuGroup group) {
        SmmuDomain d = domains.computeIfAbsent(group, g -> smmu.newDomain(
                g.defaultDomain() == DomainType.IDENTITY ? SmmuDomain.Type.IDENTITY : SmmuDomain.Type.DMA));
        int[] sids = new int[fwids.size()];
        int[] masks = new int[fwids.size()];
        for (int i = 0; i < sids.length; i++) {
            sids[i] = (int) (fwids.get(i) & 0xffffffffL);
            masks[i] = (int) (fwids.get(i) >>> 32);
        }
        return smmu.attach(sids, masks, d);
    }

    /** The stream-mapping entries in use: SMR (id, mask) and S2CR (type, context bank). */
    TranslatorState state() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 0; n < smmu.numSme(); n++) {
            if (smmu.s2crRefcount(n) == 0) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", n);
            e.put("smrId", String.format(Locale.ROOT, "0x%x", smmu.smrId(n)));
            e.put("smrMask", String.format(Locale.ROOT, "0x%x", smmu.smrMask(n)));
            e.put("s2crType", switch (smmu.s2crType(n)) {
                case ArmSmmu.S2CR_TRANS -> "TRANS";
                case ArmSmmu.S2CR_BYPASS -> "BYPASS";
                default -> "FAULT";
            });
            e.put("contextBank", smmu.s2crCbndx(n));
            e.put("masters", smmu.s2crRefcount(n));
            entries.add(e);
        }
        return new TranslatorState(instance.path(), "arm-smmu", entries);
    }

    DmaPort port(DmaMaster dev, List<Long> fwids, IommuGroup group) {
        int sid = (int) (fwids.get(0) & 0xffffffffL);
        SmmuDomain d = domains.get(group);
        return new DmaPort() {
            @Override
            public int map(long iova, long pa, long size, boolean read, boolean write) {
                return d == null ? -22 : d.map(iova, pa, size, (read ? Xlate.R : 0) | (write ? Xlate.W : 0));
            }

            @Override
            public long unmap(long iova, long size) {
                return d == null ? 0 : d.unmap(iova, size);
            }

            @Override
            public DmaResult translate(long iova, boolean write) {
                SmmuResult r = smmu.translate(sid, iova, write ? Xlate.W : Xlate.R);
                return DmaResult.of(r, () -> String.format(Locale.ROOT,
                        "SMMU %s fault, stream ID 0x%x, address 0x%x", r.fault, sid, iova));
            }

            @Override
            public void invalidateAll() {
                if (d != null) {
                    d.flushIotlbAll();
                }
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "SMMU %s, stream ID 0x%x, context bank %d", instance.path(), sid,
                        d == null ? -1 : d.cbndx());
            }
        };
    }
}
