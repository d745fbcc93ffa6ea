package dev.dtprobe.iommu;

import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.translate.ipmmu.Ipmmu;
import dev.dtprobe.translate.ipmmu.IpmmuFeatures;
import dev.dtprobe.translate.ipmmu.IpmmuResult;
import dev.dtprobe.translate.pgtable.Xlate;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A Renesas IPMMU instance as ipmmu-vmsa programs it (§4 of translators.md): a root, or a cache
 * instance whose contexts live in the root named by {@code renesas,ipmmu-main}; every master
 * behind the instance shares its one default domain, each through its own uTLB.
 */
final class IpmmuHardware {
    private final IommuInstance instance;
    private final Ipmmu ipmmu;
    /** uTLB to the master using it, in attach order, for reports. */
    private final Map<Integer, String> utlbMasters = new LinkedHashMap<>();

    /** @param rootModel the model of an already registered instance node, or null */
    IpmmuHardware(IommuInstance instance, Function<Node, IpmmuHardware> rootModel, Function<Long, Node> byPhandle) {
        this.instance = instance;
        IpmmuFeatures features = IpmmuFeatures.forCompatibles(compatibles(instance.node()));
        Property main = instance.node().property("renesas,ipmmu-main");
        IpmmuHardware root = null;
        int index = 0;
        if (main != null && main.value().length() >= 4) {
            root = rootModel.apply(byPhandle.apply(main.value().cellAt(0)));
            index = main.value().length() >= 8 ? (int) main.value().cellAt(4) : 0;
        }
        this.ipmmu = Ipmmu.probe(instance.deviceName(), features, root == null ? null : root.ipmmu, index);
    }

    void attach(DmaMaster dev, List<Long> utlbs) {
        int[] ids = utlbs.stream().mapToInt(Long::intValue).toArray();
        ipmmu.attachDevice(dev.name(), ids);
        for (int id : ids) {
            utlbMasters.put(id, dev.name());
        }
    }

    /** Each enabled uTLB: its master, the context it selects and the IMUCTR value. */
    TranslatorState state() {
        List<Map<String, Object>> entries = new ArrayList<>();
        utlbMasters.forEach((utlb, master) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("utlb", utlb);
            e.put("master", master);
            e.put("context", ipmmu.utlbCtx(utlb));
            e.put("imuctr", String.format(Locale.ROOT, "0x%x", ipmmu.imuctr(utlb)));
            entries.add(e);
        });
        return new TranslatorState(instance.path(), "ipmmu-vmsa", entries);
    }

    DmaPort port(DmaMaster dev, List<Long> utlbs) {
        int utlb = utlbs.get(0).intValue();
        return new DmaPort() {
            @Override
            public int map(long iova, long pa, long size, boolean read, boolean write) {
                return ipmmu.defaultDomain().map(iova, pa, size, (read ? Xlate.R : 0) | (write ? Xlate.W : 0));
            }

            @Override
            public long unmap(long iova, long size) {
                return ipmmu.defaultDomain().unmap(iova, size);
            }

            @Override
            public DmaResult translate(long iova, boolean write) {
                IpmmuResult r = ipmmu.translate(utlb, iova, write ? Xlate.W : Xlate.R);
                return DmaResult.of(r, () -> {
                    IpmmuResult.Fault f = (IpmmuResult.Fault) r;
                    return String.format(Locale.ROOT, "IPMMU %s fault, context %d, IMSTR 0x%x, address 0x%x",
                            Xlate.faultName(f.kind()), f.ctx(), f.imstrBits(), iova);
                });
            }

            @Override
            public void invalidateAll() {
                ipmmu.defaultDomain().flushAll();
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "IPMMU %s, uTLB %d, shared domain of the instance", instance.path(), utlb);
            }
        };
    }

    private static List<String> compatibles(Node n) {
        Property p = n.property("compatible");
        return p == null ? List.of() : p.value().strings();
    }

}
