package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.kernel.LogLine;
import dev.dtprobe.report.BootText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs a bundled sample exactly as its header's "Run:" lines tell a user to, and offers the
 * assertions the scenario tests need. The samples are the single source of each scenario.
 */
final class SampleRuns {
    private SampleRuns() {
    }

    /** The command lines of a sample's "Run:" block, without {@code ./dtprobe boot}. */
    static List<String[]> runLines(String sample) {
        List<String[]> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(sample))) {
                String t = line.replaceFirst("^\\s*\\*\\s*", "");
                if (t.startsWith("./dtprobe boot ")) {
                    out.add(t.substring("./dtprobe boot ".length()).trim().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            fail(sample + " has no Run: line");
        }
        return out;
    }

    /** Boots the sample with its {@code index}-th Run line. */
    static BootResult boot(String sample, int index) {
        BootCommand cmd = new BootCommand();
        new CommandLine(cmd).parseArgs(runLines(sample).get(index));
        return cmd.options.boot();
    }

    /** Every device that is not a bus container, with its final state, exactly. */
    static void assertStates(BootResult r, String... nameEqualsState) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String s : nameEqualsState) {
            String[] kv = s.split("=", 2);
            expected.put(kv[0], kv[1]);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Device d : r.devices()) {
            if (!d.isPopulatedBus()) {
                actual.put(d.name(), state(r, d));
            }
        }
        assertEquals(expected, actual, () -> "device states\n" + summary(r));
    }

    private static String state(BootResult r, Device d) {
        return switch (d.state()) {
            case BOUND -> "bound";
            case FAILED -> "failed";
            case CREATED, NO_DRIVER -> "no-driver";
            case DEFERRED -> r.stillDeferred(d) ? "deferred" : "deferred, off the lists";
        };
    }

    /** The given texts occur in the (non-debug) log, in this order. */
    static void assertLogOrder(BootResult r, String... texts) {
        List<String> lines = new ArrayList<>();
        for (LogLine l : r.log()) {
            lines.add(l.render());
        }
        int at = 0;
        for (String t : texts) {
            int found = -1;
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).contains(t)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail("log line containing \"" + t + "\" not found after line " + at + " in order "
                        + Arrays.toString(texts) + "\n" + String.join("\n", lines));
            }
            at = found + 1;
        }
    }

    static void assertNoLog(BootResult r, String text) {
        for (LogLine l : r.log()) {
            assertFalse(l.render().contains(text), () -> "unexpected log line: " + l.render());
        }
    }

    /** The device's IOMMU group id, or -1 when it has none. */
    static int group(BootResult r, String device) {
        Device d = r.find(device);
        assertNotNull(d, device);
        IommuGroup g = r.iommu().group(d);
        return g == null ? -1 : g.id();
    }

    static Device device(BootResult r, String name) {
        Device d = r.find(name);
        assertNotNull(d, name);
        return d;
    }

    /** Bound during late_initcall's passes (before any timeout or module load). */
    static void assertBoundAtLateInitcall(BootResult r, String device) {
        Device d = device(r, device);
        assertTrue(d.boundMicros() >= r.lateInitcallMicros() && d.boundMicros() < r.lateInitcallMicros() + 100_000,
                () -> device + " bound at " + d.boundMicros() + " us, late_initcall at " + r.lateInitcallMicros());
        assertTrue(d.deferCount() > 0, device + " never deferred");
    }

    /** Bound before late_initcall, at the first attempt. */
    static void assertBoundAtOnce(BootResult r, String device) {
        Device d = device(r, device);
        assertTrue(d.boundMicros() >= 0 && d.boundMicros() < r.lateInitcallMicros(), () -> device + " bound at "
                + d.boundMicros() + " us, late_initcall at " + r.lateInitcallMicros());
        assertEquals(0, d.deferCount(), device + " deferred");
    }

    /** Bound when (or right after) the deferred-probe timeout fired, seconds after late_initcall. */
    static void assertBoundAtTimeout(BootResult r, String device, int timeoutSeconds) {
        Device d = device(r, device);
        assertTrue(r.timeoutFiredMicros() >= r.lateInitcallMicros() + timeoutSeconds * 1_000_000L,
                () -> "timeout fired at " + r.timeoutFiredMicros());
        assertTrue(d.boundMicros() >= r.timeoutFiredMicros() && d.boundMicros() < r.timeoutFiredMicros() + 100_000,
                () -> device + " bound at " + d.boundMicros() + " us, timeout at " + r.timeoutFiredMicros());
    }

    static String summary(BootResult r) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        BootText.writeLog(r, pw, true);
        BootText.writeSummary(r, pw);
        pw.flush();
        return sw.toString();
    }
}
