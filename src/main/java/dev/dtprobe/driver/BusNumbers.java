package dev.dtprobe.driver;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * I2C adapter and SPI controller numbers, as {@code i2c_add_adapter} and
 * {@code spi_register_controller} pick them: the node's {@code i2cN}/{@code spiN} alias when it
 * has one (so client names are stable across boards that share the aliases), otherwise the lowest
 * free number above the highest alias of that stem, in the order the controllers register.
 */
final class BusNumbers {
    private final Map<String, Map<Node, Integer>> aliasIds = new HashMap<>();
    private final Map<String, Integer> highestAlias = new HashMap<>();
    private final Map<BusType, Map<Node, Integer>> assigned = new EnumMap<>(BusType.class);
    private final Map<BusType, Set<Integer>> taken = new EnumMap<>(BusType.class);

    BusNumbers(DeviceTree tree) {
        Node aliases = tree.nodeAtPath("/aliases");
        if (aliases == null) {
            return;
        }
        for (Property p : aliases.liveProperties()) {
            String name = p.name();
            int digits = name.length();
            while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
                digits--;
            }
            if (digits == 0 || digits == name.length() || name.length() - digits > 9) {
                continue;
            }
            Node target = p.value().length() == 0 ? null : tree.nodeAtPath(p.value().firstString());
            if (target == null) {
                continue;
            }
            String stem = name.substring(0, digits);
            int id = Integer.parseInt(name.substring(digits));
            aliasIds.computeIfAbsent(stem, k -> new HashMap<>()).putIfAbsent(target, id);
            highestAlias.merge(stem, id, Math::max);
        }
    }

    /** The number of the adapter (I2C) or controller (SPI) whose node is {@code controller}. */
    int number(Node controller, BusType bus) {
        Map<Node, Integer> mine = assigned.computeIfAbsent(bus, b -> new HashMap<>());
        Integer known = mine.get(controller);
        if (known != null) {
            return known;
        }
        String stem = bus == BusType.I2C ? "i2c" : "spi";
        Set<Integer> used = taken.computeIfAbsent(bus, b -> new HashSet<>());
        Integer alias = aliasIds.getOrDefault(stem, Map.of()).get(controller);
        int id;
        if (alias != null && !used.contains(alias)) {
            id = alias;
        } else {
            id = highestAlias.getOrDefault(stem, -1) + 1;
            while (used.contains(id)) {
                id++;
            }
        }
        used.add(id);
        mine.put(controller, id);
        return id;
    }
}
