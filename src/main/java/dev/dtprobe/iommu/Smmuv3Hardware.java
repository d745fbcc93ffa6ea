package dev.dtprobe.iommu;

import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.translate.pgtable.Xlate;
import dev.dtprobe.translate.smmuv3.GuestMemory;
import dev.dtprobe.translate.smmuv3.SmmuResult;
import dev.dtprobe.translate.smmuv3.Smmuv3;
import dev.dtprobe.translate.smmuv3.Smmuv3Defs;
import dev.dtprobe.translate.smmuv3.Smmuv3Driver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SMMUv3 instance as arm-smmu-v3 programs it: probed when the driver binds, one domain per
 * IOMMU group (a translated S1 domain, or a bypass STE for an identity default domain), and every
 * stream ID of a master attached to its group's domain.
 */
final class Smmuv3Hardware {
    private final IommuInstance instance;
    private final Smmuv3 smmu = new Smmuv3(new GuestMemory());
    private final Smmuv3Driver driver = new Smmuv3Driver(smmu);
    private final Map<IommuGroup, Smmuv3Driver.Domain> domains = new HashMap<>();
    /** Stream ID to what its STE says, in attach order, for reports. */
    private final Map<Long, String> steConfig = new LinkedHashMap<>();

    Smmuv3Hardware(IommuInstance instance) {
        this.instance = instance;
        driver.probe();
    }

    /** Attaches the master's stream IDs to its group's default domain. */
    void attach(DmaMaster dev, List<Long> streamIds, IommuGroup group) {
        if (group.defaultDomain() == DomainType.IDENTITY) {
            streamIds.forEach(sid -> driver.attachBypass(sid.intValue()));
            streamIds.forEach(sid -> steConfig.put(sid, "bypass"));
            return;
        }
        Smmuv3Driver.Domain d = domains.computeIfAbsent(group, g -> driver.allocDomain());
        streamIds.forEach(sid -> driver.attach(sid.intValue(), d));
        streamIds.forEach(sid -> steConfig.put(sid, "S1, ASID " + d.asid));
    }

    /** The STEs the driver wrote for masters (every other STE is abort, as disable_bypass leaves it). */
    TranslatorState state() {
        List<Map<String, Object>> entries = new ArrayList<>();
        steConfig.forEach((sid, config) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("streamId", String.format(Locale.ROOT, "0x%x", sid));
            e.put("ste", config);
            entries.add(e);
        });
        return new TranslatorState(instance.path(), "arm-smmu-v3", entries);
    }

    DmaPort port(DmaMaster dev, List<Long> streamIds, IommuGroup group) {
        int sid = streamIds.get(0).intValue();
        Smmuv3Driver.Domain d = domains.get(group);
        return new DmaPort() {
            @Override
            public int map(long iova, long pa, long size, boolean read, boolean write) {
                if (d == null) {
                    return -22;
                }
                return driver.map(d, iova, pa, size, (read ? Xlate.R : 0) | (write ? Xlate.W : 0));
            }

            @Override
            public long unmap(long iova, long size) {
                return d == null ? 0 : driver.unmap(d, iova, size);
            }

            @Override
            public DmaResult translate(long iova, boolean write) {
                SmmuResult r = smmu.translate(sid, Smmuv3.NO_SSID, iova, write ? Xlate.W : Xlate.R);
                return DmaResult.of(r, () -> String.format(Locale.ROOT,
                        "SMMUv3 event %s (0x%02x) StreamID 0x%x address 0x%x%s",
                        Smmuv3Defs.eventName(r.faultId()), r.faultId(), sid, iova, r.recorded() ? "" : " (not recorded)"));
            }

            @Override
            public void invalidateAll() {
                if (d != null) {
                    driver.issue(Smmuv3Defs.tlbiNhAsid(d.asid, 0));
                    driver.issue(Smmuv3Defs.sync());
                }
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "SMMUv3 %s, StreamID 0x%x, %s", instance.path(), sid,
                        d == null ? "bypass" : "S1 domain ASID " + d.asid);
            }
        };
    }

}
