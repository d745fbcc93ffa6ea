package dev.dtprobe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.driver.BootEvent;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceLink;
import dev.dtprobe.driver.WhyChain;
import dev.dtprobe.iommu.Fwspec;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.iommu.TranslatorState;
import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLine;

/**
 * The whole run as JSON ({@code boot --json}): profile, events, log, devices with their IOMMU
 * state and reasons, and groups. The shape is {@code docs/boot-json.schema.json}.
 */
public final class BootJson {
    public static final String FORMAT = "boot/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BootJson() {
    }

    public static String write(BootResult r) {
        try {
            return MAPPER.writeValueAsString(toJson(r)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(BootResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dtprobeFormat", FORMAT);
        root.set("kernel", kernel(r.profile()));
        root.put("lateInitcallMicros", r.lateInitcallMicros());
        root.put("timeoutFiredMicros", r.timeoutFiredMicros());
        ArrayNode devices = root.putArray("devices");
        for (Device d : r.devices()) {
            devices.add(device(r, d));
        }
        ArrayNode groups = root.putArray("iommuGroups");
        for (IommuGroup g : r.iommu().groups()) {
            ObjectNode gj = groups.addObject();
            gj.put("id", g.id());
            gj.put("iommu", g.iommu().path());
            gj.put("defaultDomain", g.defaultDomain() == null ? null : g.defaultDomain().name());
            gj.put("ownerCount", g.ownerCount());
            ArrayNode members = gj.putArray("devices");
            for (DmaMaster m : g.devices()) {
                members.add(m.name());
            }
        }
        ArrayNode translators = root.putArray("translators");
        for (TranslatorState t : r.iommu().translatorStates()) {
            ObjectNode tj = translators.addObject();
            tj.put("iommu", t.iommu());
            tj.put("model", t.model());
            tj.set("entries", MAPPER.valueToTree(t.entries()));
        }
        ArrayNode events = root.putArray("events");
        for (BootEvent e : r.events()) {
            ObjectNode ej = events.addObject();
            ej.put("timeMicros", e.timeMicros());
            ej.put("kind", e.kind().name());
            ej.put("device", e.device());
            ej.put("driver", e.driver());
            ej.put("detail", e.detail());
        }
        ArrayNode log = root.putArray("log");
        for (LogLine l : r.log()) {
            ObjectNode lj = log.addObject();
            lj.put("timeMicros", l.timeMicros());
            lj.put("level", l.level().label());
            lj.put("prefix", l.prefix());
            lj.put("message", l.message());
        }
        return root;
    }

    private static ObjectNode kernel(KernelProfile p) {
        ObjectNode k = MAPPER.createObjectNode();
        k.put("version", p.version().toString());
        k.put("era", p.era().name());
        k.put("modules", p.modules());
        k.put("deferredProbeTimeout", p.deferredProbeTimeout());
        k.put("fwDevlink", p.fwDevlink().name().toLowerCase(java.util.Locale.ROOT));
        k.put("fwDevlinkStrict", p.fwDevlinkStrict());
        k.put("defaultDomain", p.defaultDomainLabel());
        return k;
    }

    private static ObjectNode device(BootResult r, Device d) {
        ObjectNode j = MAPPER.createObjectNode();
        j.put("name", d.name());
        j.put("path", d.node() == null ? null : d.node().path());
        j.put("bus", d.bus().name().toLowerCase(java.util.Locale.ROOT));
        j.put("state", BootText.stateColumn(r, d));
        j.put("driver", d.driver() == null ? null : d.driver().name());
        j.put("lastDriver", d.lastDriver() == null ? null : d.lastDriver().name());
        j.put("probeAttempts", d.probeAttempts());
        j.put("deferrals", d.deferCount());
        j.put("boundMicros", d.boundMicros());
        j.put("deferReason", d.deferReason());
        j.put("dmaOps", d.dmaOps().name());
        if (d.xenBackendDomid() >= 0) {
            j.put("xenBackendDomid", d.xenBackendDomid());
        }
        Fwspec spec = r.iommu().fwspec(d);
        if (spec != null) {
            ObjectNode f = j.putObject("fwspec");
            f.put("iommu", spec.targetPath());
            ArrayNode ids = f.putArray("ids");
            spec.ids().forEach(ids::add);
        }
        IommuGroup g = r.iommu().group(d);
        j.put("iommuGroup", g == null ? null : g.id());
        j.put("iommuNote", d.iommuNote());
        ArrayNode links = j.putArray("suppliers");
        for (DeviceLink l : d.supplierLinks()) {
            ObjectNode lj = links.addObject();
            lj.put("node", l.supplierNode().path());
            lj.put("property", l.property());
            lj.put("device", l.supplier() == null ? null : l.supplier().name());
            lj.put("relaxed", l.isRelaxed());
        }
        if (d.state() != dev.dtprobe.driver.DeviceState.BOUND) {
            WhyChain why = r.why(d);
            ArrayNode chain = j.putArray("why");
            for (WhyChain.Step s : why.steps()) {
                ObjectNode sj = chain.addObject();
                sj.put("who", s.who());
                sj.put("what", s.what());
            }
        }
        return j;
    }
}
