package dev.dtprobe.diff;

import dev.dtprobe.driver.Device;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs the devices of two boots: by node path first; the devices left over on both sides by a
 * label their nodes share; then by first compatible and unit address. A label or compatible key
 * pairs only when exactly one leftover device on each side has it, so a guess is never made
 * between two candidates.
 */
public final class DeviceMatcher {
    private DeviceMatcher() {
    }

    /** Every device once: A's devices in A's order (paired or not), then B's unpaired ones. */
    public static List<DevicePair> match(List<Device> a, List<Device> b) {
        Map<Device, DevicePair> pairOfA = new LinkedHashMap<>();
        Map<Device, Device> takenB = new HashMap<>();
        Map<String, Device> bByPath = new HashMap<>();
        for (Device d : b) {
            bByPath.putIfAbsent(d.path(), d);
        }
        for (Device d : a) {
            Device other = bByPath.get(d.path());
            if (other != null && !takenB.containsKey(other)) {
                pairOfA.put(d, new DevicePair(d, other, MatchKind.PATH, null));
                takenB.put(other, d);
            }
        }
        pairByUniqueKey(a, b, pairOfA, takenB, MatchKind.LABEL, DeviceMatcher::labels);
        pairByUniqueKey(a, b, pairOfA, takenB, MatchKind.COMPATIBLE, DeviceMatcher::compatibleKey);
        List<DevicePair> out = new ArrayList<>();
        for (Device d : a) {
            out.add(pairOfA.getOrDefault(d, new DevicePair(d, null, null, null)));
        }
        for (Device d : b) {
            if (!takenB.containsKey(d)) {
                out.add(new DevicePair(null, d, null, null));
            }
        }
        return out;
    }

    private static void pairByUniqueKey(List<Device> a, List<Device> b, Map<Device, DevicePair> pairOfA,
            Map<Device, Device> takenB, MatchKind kind, Function<Device, List<String>> keys) {
        Map<String, List<Device>> leftA = index(a, d -> !pairOfA.containsKey(d), keys);
        Map<String, List<Device>> leftB = index(b, d -> !takenB.containsKey(d), keys);
        for (Map.Entry<String, List<Device>> e : leftA.entrySet()) {
            List<Device> candidatesB = leftB.get(e.getKey());
            if (e.getValue().size() != 1 || candidatesB == null || candidatesB.size() != 1) {
                continue;
            }
            Device da = e.getValue().get(0);
            Device db = candidatesB.get(0);
            if (pairOfA.containsKey(da) || takenB.containsKey(db)) {
                continue; // already paired through another of its labels
            }
            pairOfA.put(da, new DevicePair(da, db, kind, e.getKey()));
            takenB.put(db, da);
        }
    }

    private static Map<String, List<Device>> index(List<Device> devices, java.util.function.Predicate<Device> left,
            Function<Device, List<String>> keys) {
        Map<String, List<Device>> m = new LinkedHashMap<>();
        for (Device d : devices) {
            if (left.test(d)) {
                for (String k : keys.apply(d)) {
                    m.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
                }
            }
        }
        return m;
    }

    private static List<String> labels(Device d) {
        return d.node() == null ? List.of() : d.node().labels().names();
    }

    private static List<String> compatibleKey(Device d) {
        if (d.node() == null) {
            return List.of();
        }
        List<String> compatibles = NodeFacts.compatibles(d.node());
        if (compatibles.isEmpty()) {
            return List.of();
        }
        String unit = d.node().unitAddress();
        return List.of(unit == null || unit.isEmpty() ? compatibles.get(0) : compatibles.get(0) + "@" + unit);
    }
}
