package dev.dtprobe.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.graph.DeviceGraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree part of the diff: what counts as a change, and what is numbering only. */
class TreeDiffTest {

    private static List<String> diff(String a, String b) {
        List<String> out = new ArrayList<>();
        for (TreeChange c : TreeDiff.compare(new DeviceGraph(DiffFixture.tree("a.dts", a)),
                new DeviceGraph(DiffFixture.tree("b.dts", b)))) {
            out.add(c.kind().word() + " " + c.describe());
        }
        return out;
    }

    @Test
    void renumberedPhandlesToTheSameNodeAreNoChange() {
        String a = """
                /dts-v1/;
                / {
                	clk: clk { #clock-cells = <0>; };
                	dev { clocks = <&clk>; };
                };
                """;
        // a new node referenced first takes phandle 1, so clk's phandle changes from 1 to 2
        String b = """
                /dts-v1/;
                / {
                	extra: extra { };
                	user { foo = <&extra>; };
                	clk: clk { #clock-cells = <0>; };
                	dev { clocks = <&clk>; };
                };
                """;
        assertEquals(List.of("node-added /extra: node added", "node-added /user: node added"), diff(a, b));
    }

    @Test
    void missingStatusReadsAsOkay() {
        String a = "/dts-v1/;\n/ { n { }; m { }; };\n";
        String b = "/dts-v1/;\n/ { n { status = \"okay\"; }; m { status = \"disabled\"; }; };\n";
        assertEquals(List.of("status-changed /m: status \"okay\" (no status) -> \"disabled\""), diff(a, b));
    }

    @Test
    void onlyTheTopmostRemovedNodeIsListed() {
        String a = "/dts-v1/;\n/ { soc { keep = \"a\"; sub { leaf { x = <1>; }; }; }; };\n";
        String b = "/dts-v1/;\n/ { soc { keep = \"b\"; new-prop; }; };\n";
        assertEquals(List.of("property-changed /soc: keep \"a\" -> \"b\"", "property-added /soc: new-prop added = (empty)",
                "node-removed /soc/sub: node removed"), diff(a, b));
    }
}
