package dev.dtprobe.kernel;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies kernel command-line parameters to a profile, as the kernel parses them. Unknown
 * parameters are kept (the kernel passes them to user space) and reported, not rejected.
 */
public final class Cmdline {
    private final KernelProfile profile;
    private final List<String> unknown;

    private Cmdline(KernelProfile profile, List<String> unknown) {
        this.profile = profile;
        this.unknown = List.copyOf(unknown);
    }

    public KernelProfile profile() {
        return profile;
    }

    /** Parameters the model does not use; the kernel would pass them on to init. */
    public List<String> unknown() {
        return unknown;
    }

    public static Cmdline apply(KernelProfile base, String cmdline) {
        KernelProfile p = base;
        List<String> unknown = new ArrayList<>();
        if (cmdline == null || cmdline.isBlank()) {
            return new Cmdline(p, unknown);
        }
        for (String word : cmdline.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            String value = eq < 0 ? null : word.substring(eq + 1);
            switch (key) {
                case "deferred_probe_timeout" -> p = p.withDeferredProbeTimeout(intValue(word, value));
                case "fw_devlink" -> p = p.withFwDevlink(fwDevlink(word, value));
                case "fw_devlink.strict" -> p = p.withFwDevlinkStrict(bool(word, value));
                case "iommu.passthrough" -> p = p.withIommuPassthrough(bool(word, value));
                case "iommu.strict" -> p = p.withIommuStrict(bool(word, value));
                default -> unknown.add(word);
            }
        }
        return new Cmdline(p, unknown);
    }

    private static int intValue(String word, String value) {
        try {
            return Integer.parseInt(require(word, value));
        } catch (NumberFormatException e) {
            throw bad(word, "expected an integer number of seconds");
        }
    }

    /** kstrtobool: 1/0, y/n, on/off, true/false. */
    private static boolean bool(String word, String value) {
        String v = value == null ? "1" : value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "y", "yes", "on", "true" -> true;
            case "0", "n", "no", "off", "false" -> false;
            default -> throw bad(word, "expected 0/1, y/n, on/off or true/false");
        };
    }

    private static FwDevlinkMode fwDevlink(String word, String value) {
        return switch (require(word, value)) {
            case "off" -> FwDevlinkMode.OFF;
            case "permissive" -> FwDevlinkMode.PERMISSIVE;
            case "on" -> FwDevlinkMode.ON;
            case "rpm" -> FwDevlinkMode.RPM;
            default -> throw bad(word, "expected off, permissive, on or rpm");
        };
    }

    private static String require(String word, String value) {
        if (value == null || value.isEmpty()) {
            throw bad(word, "missing value");
        }
        return value;
    }

    private static InputException bad(String word, String why) {
        return new InputException(SourcePos.ofFile("--cmdline"), "bad parameter '" + word + "': " + why);
    }
}
