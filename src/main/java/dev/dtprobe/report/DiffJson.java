package dev.dtprobe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.diff.BindOrder;
import dev.dtprobe.diff.BootDiff;
import dev.dtprobe.diff.Change;
import dev.dtprobe.diff.DeviceDiff;
import dev.dtprobe.diff.DevicePair;
import dev.dtprobe.diff.DriverChange;
import dev.dtprobe.diff.ProfileChange;
import dev.dtprobe.diff.TreeChange;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;

/**
 * {@code dtprobe diff --json}: the diff model as JSON, the same content as the text report. The
 * shape is {@code docs/diff-json.schema.json}, described in docs/diff.md.
 */
public final class DiffJson {
    public static final String FORMAT = "diff/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {
    }

    public static String write(BootDiff d) {
        try {
            return MAPPER.writeValueAsString(toJson(d)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(BootDiff d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dtprobeFormat", FORMAT);
        root.set("a", side(d.options().labelA(), d.a()));
        root.set("b", side(d.options().labelB(), d.b()));
        root.put("timeThresholdMicros", d.options().timeThresholdMicros());
        root.put("empty", d.isEmpty());
        root.put("sameTree", d.sameTree());
        ArrayNode matches = root.putArray("movedMatches");
        for (DevicePair p : d.movedMatches()) {
            ObjectNode m = matches.addObject();
            m.put("device", p.displayName());
            m.put("pathA", p.a().path());
            m.put("pathB", p.b().path());
            m.put("by", p.how().word());
            m.put("key", p.key());
        }
        ArrayNode tree = root.putArray("tree");
        for (TreeChange c : d.treeChanges()) {
            ObjectNode t = tree.addObject();
            t.put("kind", c.kind().word());
            t.put("path", c.path());
            t.put("property", c.property());
            t.put("before", c.before());
            t.put("after", c.after());
        }
        ArrayNode profile = root.putArray("profile");
        for (ProfileChange c : d.kernelChanges()) {
            ObjectNode p = profile.addObject();
            p.put("what", c.what());
            p.put("before", c.before());
            p.put("after", c.after());
        }
        ArrayNode drivers = root.putArray("drivers");
        for (DriverChange c : d.driverChanges()) {
            ObjectNode p = drivers.addObject();
            p.put("driver", c.driver());
            p.put("before", c.before());
            p.put("after", c.after());
            ArrayNode nodes = p.putArray("nodes");
            c.nodes().forEach(nodes::add);
        }
        ArrayNode boot = root.putArray("boot");
        d.bootChanges().forEach(c -> boot.add(change(c)));
        ArrayNode devices = root.putArray("devices");
        for (DeviceDiff dd : d.devices()) {
            devices.add(device(dd));
        }
        ArrayNode moves = root.putArray("bindOrderMoves");
        for (BindOrder.Move m : d.moves()) {
            ObjectNode mj = moves.addObject();
            mj.put("device", m.device());
            mj.put("after", m.after());
            mj.put("before", m.before());
            mj.put("wasAfter", m.wasAfter());
            mj.put("wasBefore", m.wasBefore());
        }
        return root;
    }

    private static ObjectNode side(String label, BootResult r) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("label", label);
        s.put("kernel", r.profile().version().toString());
        s.put("era", r.profile().era().name());
        s.put("devices", r.devices().size());
        s.put("timeoutFiredMicros", r.timeoutFiredMicros());
        return s;
    }

    private static ObjectNode device(DeviceDiff dd) {
        DevicePair p = dd.pair();
        ObjectNode j = MAPPER.createObjectNode();
        j.put("device", dd.name());
        j.put("nameA", name(p.a()));
        j.put("nameB", name(p.b()));
        j.put("pathA", p.a() == null ? null : p.a().path());
        j.put("pathB", p.b() == null ? null : p.b().path());
        j.put("matchedBy", p.how() == null ? null : p.how().word());
        ArrayNode changes = j.putArray("changes");
        dd.changes().forEach(c -> changes.add(change(c)));
        ArrayNode because = j.putArray("because");
        dd.because().forEach(because::add);
        return j;
    }

    private static String name(Device d) {
        return d == null ? null : d.name();
    }

    private static ObjectNode change(Change c) {
        ObjectNode j = MAPPER.createObjectNode();
        j.put("category", c.category().word());
        j.put("what", c.what());
        j.put("before", c.before());
        j.put("after", c.after());
        return j;
    }
}
