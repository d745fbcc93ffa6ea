package dev.dtprobe.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.report.DiffText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Devices whose node moved are paired by a shared label, else by a unique compatible and unit address. */
class DeviceMatcherTest {
    private static final String A = """
            /dts-v1/;
            / {
            	#address-cells = <1>;
            	#size-cells = <1>;
            	soc {
            		compatible = "acme,soc", "simple-bus";
            		#address-cells = <1>;
            		#size-cells = <1>;
            		ranges;
            		uart0: serial@1000 { compatible = "acme,uart"; reg = <0x1000 0x100>; };
            		i2c@2000 { compatible = "acme,i2c"; reg = <0x2000 0x100>; };
            		timer@3000 { compatible = "acme,timer"; reg = <0x3000 0x100>; };
            	};
            	x { compatible = "acme,leds", "simple-bus"; led@0 { compatible = "acme,led"; }; };
            	y { compatible = "acme,leds", "simple-bus"; led@0 { compatible = "acme,led"; }; };
            };
            """;
    /** soc renamed to bus, the LED buses renamed: every path below moved. */
    private static final String B = A.replace("\tsoc {", "\tbus {").replace("\tx {", "\tp {").replace("\ty {", "\tq {")
            .replace("timer@3000 {", "timer@3000 { status = \"okay\";");

    @Test
    void movedNodesPairByLabelThenCompatibleButNeverByGuess() {
        BootResult a = DiffFixture.boot("a.dts", A);
        BootResult b = DiffFixture.boot("b.dts", B);
        BootDiff d = BootDiff.compare(a, b, DiffOptions.defaults());
        List<String> moved = new ArrayList<>();
        for (DevicePair p : d.movedMatches()) {
            moved.add(p.displayName() + " " + p.how().word() + " " + p.key());
        }
        assertEquals(List.of("soc (bus in B) compatible acme,soc", "1000.serial label uart0", "2000.i2c compatible acme,i2c@2000",
                "3000.timer compatible acme,timer@3000"), moved);
        // x/led@0 and y/led@0 (and their buses) have the same key twice: left unpaired on both sides
        List<String> unpaired = new ArrayList<>();
        for (DevicePair p : d.pairs()) {
            if (!p.inBoth()) {
                unpaired.add((p.a() != null ? "A " + p.a().path() : "B " + p.b().path()));
            }
        }
        assertEquals(List.of("A /x", "A /x/led@0", "A /y", "A /y/led@0", "B /p", "B /p/led@0", "B /q", "B /q/led@0"),
                unpaired);
        StringWriter text = new StringWriter();
        DiffText.write(d, new PrintWriter(text));
        assertTrue(text.toString().contains("Matched although the node moved:\n"
                + "  soc (bus in B): /soc -> /bus (by compatible \"acme,soc\")\n"
                + "  1000.serial: /soc/serial@1000 -> /bus/serial@1000 (by label \"uart0\")\n"), text.toString());
    }

    @Test
    void pathMatchComesFirst() {
        BootResult a = DiffFixture.boot("a.dts", A);
        BootDiff d = BootDiff.compare(a, DiffFixture.boot("a2.dts", A), DiffOptions.defaults());
        for (DevicePair p : d.pairs()) {
            assertEquals(MatchKind.PATH, p.how(), p.displayName());
        }
        assertTrue(d.isEmpty());
    }
}
