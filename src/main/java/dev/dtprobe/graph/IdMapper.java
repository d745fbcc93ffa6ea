package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * {@code of_map_id} (drivers/of/base.c, v5.9+; the same logic as the older of_pci_map_rid):
 * entries {@code <id-base phandle out-base length>}, the ID masked by {@code <map>-mask}
 * (default 0xffffffff), first matching entry wins. All arithmetic is u32, as in C.
 */
final class IdMapper {
    private static final long U32 = 0xffffffffL;

    private final DeviceGraph graph;

    IdMapper(DeviceGraph graph) {
        this.graph = graph;
    }

    /**
     * @param wanted the requested target (the kernel's {@code *target} when non-NULL on entry): only
     *               entries whose phandle names it count; null to take the first match
     */
    IdMapping map(Node np, String mapName, long id, Node wanted) {
        id &= U32;
        Property p = np.property(mapName);
        if (p == null) {
            return new IdMapping(IdMapping.Kind.NO_MAP_PROPERTY, null, id, null);
        }
        int mapLen = p.value().length();
        if (mapLen == 0 || mapLen % 16 != 0) {
            return new IdMapping(IdMapping.Kind.BAD_LENGTH, null, id,
                    "OF: " + np.path() + ": Error: Bad " + mapName + " length: " + mapLen);
        }
        Long m = Props.u32(np, mapName + "-mask");
        long mask = m == null ? U32 : m;
        long masked = mask & id;
        long[] map = Props.cells(p);
        for (int i = 0; i + 3 < map.length; i += 4) {
            long idBase = map[i];
            long phandle = map[i + 1];
            long outBase = map[i + 2];
            long idLen = map[i + 3];
            if ((idBase & ~mask & U32) != 0) {
                return new IdMapping(IdMapping.Kind.MASK_IGNORES_BASE, null, id,
                        "OF: " + np.path() + ": Invalid " + mapName + " translation - " + mapName
                                + "-mask (0x" + Long.toHexString(mask) + ") ignores id-base (0x"
                                + Long.toHexString(idBase) + ")");
            }
            if (masked < idBase || masked >= ((idBase + idLen) & U32)) {
                continue;
            }
            Node target = graph.byPhandle(phandle);
            if (target == null) {
                return new IdMapping(IdMapping.Kind.TARGET_NOT_FOUND, null, id, null);
            }
            if (wanted != null && wanted != target) {
                continue;
            }
            return new IdMapping(IdMapping.Kind.MAPPED, target, (masked - idBase + outBase) & U32, null);
        }
        String on = wanted == null ? "(null)" : wanted.path();
        return new IdMapping(IdMapping.Kind.NO_TRANSLATION, null, id,
                "OF: " + np.path() + ": no " + mapName + " translation for id 0x" + Long.toHexString(id) + " on " + on);
    }
}
