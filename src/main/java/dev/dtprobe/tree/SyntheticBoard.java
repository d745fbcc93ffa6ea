package dev.dtprobe.tree;

import dev.dtprobe.diag.SourcePos;
import java.util.SplittableRandom;

/**
 * Generated boards for benchmarks and scale tests: {@code n} devices under one simple-bus, each
 * consuming clocks from up to {@code fanout} randomly chosen devices that come <em>later</em> in
 * the tree, so every supplier is created (and probed) after its consumers: a random DAG laid out
 * in the worst order for probing.
 */
public final class SyntheticBoard {
    public static final String COMPATIBLE = "dtprobe,synthetic";

    private SyntheticBoard() {
    }

    public static DeviceTree generate(int n, int fanout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SourcePos pos = new SourcePos("<synthetic>", 0, 0);
        Node root = new Node("", pos);
        root.addProperty(new Property("#address-cells", PropertyValue.ofCells(1), pos));
        root.addProperty(new Property("#size-cells", PropertyValue.ofCells(1), pos));
        Node soc = new Node("soc", pos);
        soc.addProperty(new Property("compatible", PropertyValue.ofString("simple-bus"), pos));
        soc.addProperty(new Property("#address-cells", PropertyValue.ofCells(1), pos));
        soc.addProperty(new Property("#size-cells", PropertyValue.ofCells(1), pos));
        soc.addProperty(new Property("ranges", PropertyValue.EMPTY, pos));
        root.addChild(soc);
        PropertyValue compatible = PropertyValue.ofString(COMPATIBLE);
        PropertyValue clockCells = PropertyValue.ofCells(0);
        for (int i = 0; i < n; i++) {
            Node dev = new Node("dev@" + Integer.toHexString(i * 0x100), pos);
            dev.setPhandle(i + 1L);
            dev.addProperty(new Property("compatible", compatible, pos));
            dev.addProperty(new Property("reg", PropertyValue.ofCells(i * 0x100L, 0x100), pos));
            dev.addProperty(new Property("#clock-cells", clockCells, pos));
            int suppliers = i + 1 < n ? random.nextInt(fanout + 1) : 0;
            if (suppliers > 0) {
                long[] phandles = new long[suppliers];
                for (int k = 0; k < suppliers; k++) {
                    phandles[k] = i + 2L + random.nextInt(n - i - 1); // a later device, 1-based phandle
                }
                dev.addProperty(new Property("clocks", PropertyValue.ofCells(phandles), pos));
            }
            dev.addProperty(new Property("phandle", PropertyValue.ofCells(i + 1L), pos));
            soc.addChild(dev);
        }
        return new DeviceTree(root);
    }
}
