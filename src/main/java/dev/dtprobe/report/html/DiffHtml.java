package dev.dtprobe.report.html;

import dev.dtprobe.diff.BootDiff;
import dev.dtprobe.diff.Change;
import dev.dtprobe.diff.DeviceDiff;
import dev.dtprobe.driver.Device;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code diff --html}: both boots side by side, every device the diff reports marked with its changes. */
public final class DiffHtml {
    private DiffHtml() {
    }

    public static String write(BootDiff diff) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (DeviceDiff d : diff.devices()) {
            String note = d.changes().stream().map(Change::describe).collect(Collectors.joining("; "));
            // a device that moved is marked under both its paths
            for (Device side : new Device[] {d.pair().a(), d.pair().b()}) {
                if (side != null) {
                    changed.putIfAbsent(side.path(), note);
                }
            }
        }
        return BootHtml.comparison(diff.a(), "A: " + diff.options().labelA(), diff.b(), "B: " + diff.options().labelB(),
                changed);
    }
}
