package dev.dtprobe.diff;

import java.util.List;

/**
 * A driver whose availability differs between the boots (version, build, fault injection).
 *
 * @param nodes the paths of the nodes whose compatible it matches, in either tree
 */
public record DriverChange(String driver, String before, String after, List<String> nodes) {

    public String describe() {
        return "driver " + driver + ": " + before + " -> " + after;
    }
}
