package dev.dtprobe.diff;

import java.util.List;

/**
 * What changed for one device, and the tree, driver and profile changes that plausibly explain it.
 *
 * @param because explanations, strongest first (changes on its node, then its suppliers, then
 *                drivers, then the kernel profile)
 */
public record DeviceDiff(DevicePair pair, List<Change> changes, List<String> because) {

    public String name() {
        return pair.displayName();
    }
}
