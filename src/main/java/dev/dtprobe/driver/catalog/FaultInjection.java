package dev.dtprobe.driver.catalog;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.kernel.Errno;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fault-injection items given on the command line, one string each:
 * <ul>
 * <li>{@code missing:DRIVER} — the driver is not built ({@link Build#ABSENT});</li>
 * <li>{@code fail:DRIVER:ERRNO} — its probe fails with ERRNO, a name ({@code -EINVAL},
 *     {@code EINVAL}) or a negative number ({@code -22});</li>
 * <li>{@code defer:DRIVER:N} — its probe returns -EPROBE_DEFER N times before behaving normally
 *     (combined with {@code fail:}, it defers N times and then fails);</li>
 * <li>{@code module:DRIVER:SECONDS} — it is a module that user space loads SECONDS after boot.</li>
 * </ul>
 * Driver names are checked against a catalog only when applied ({@link DriverCatalog#with}).
 * Syntax errors are {@link InputException}s positioned at {@code <command line>}.
 */
public final class FaultInjection {
    /** Where command-line errors are reported. */
    public static final SourcePos ORIGIN = SourcePos.ofFile("<command line>");

    private static final Pattern DRIVER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.,+@-]*");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    /** One parsed override, kept with the text it came from for error messages. */
    public record Item(Kind kind, String driver, Integer errno, int deferTimes, Double loadSeconds,
            String text) {
    }

    public enum Kind { MISSING, FAIL, DEFER, MODULE }

    private static final FaultInjection NONE = new FaultInjection(List.of());

    private final List<Item> items;

    private FaultInjection(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public static FaultInjection none() {
        return NONE;
    }

    public static FaultInjection parse(String... specs) {
        return parse(List.of(specs));
    }

    public static FaultInjection parse(List<String> specs) {
        List<Item> out = new ArrayList<>();
        for (String s : specs) {
            out.add(parseOne(s));
        }
        return new FaultInjection(out);
    }

    public List<Item> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Probe faults by driver name; several items of one driver combine, later parts winning. */
    public Map<String, ProbeFault> faults() {
        Map<String, ProbeFault> m = new LinkedHashMap<>();
        for (Item o : items) {
            ProbeFault f = switch (o.kind()) {
                case FAIL -> new ProbeFault(o.errno(), 0);
                case DEFER -> new ProbeFault(null, o.deferTimes());
                default -> null;
            };
            if (f != null) {
                m.merge(o.driver(), f, ProbeFault::combine);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static Item parseOne(String spec) {
        if (spec == null || spec.isBlank()) {
            throw error(String.valueOf(spec), "empty fault; expected missing:DRIVER, fail:DRIVER:ERRNO, "
                    + "defer:DRIVER:N or module:DRIVER:SECONDS");
        }
        String s = spec.strip();
        String[] parts = s.split(":", -1);
        String kindText = parts[0];
        Kind kind = switch (kindText) {
            case "missing" -> Kind.MISSING;
            case "fail" -> Kind.FAIL;
            case "defer" -> Kind.DEFER;
            case "module" -> Kind.MODULE;
            default -> throw error(spec, "unknown fault kind '" + kindText
                    + "'; expected missing, fail, defer or module");
        };
        int want = kind == Kind.MISSING ? 2 : 3;
        if (parts.length != want) {
            throw error(spec, "expected " + usage(kind));
        }
        String driver = parts[1];
        if (!DRIVER_NAME.matcher(driver).matches()) {
            throw error(spec, driver.isEmpty() ? "missing driver name; expected " + usage(kind)
                    : "bad driver name '" + driver + "'");
        }
        return switch (kind) {
            case MISSING -> new Item(kind, driver, null, 0, null, spec);
            case FAIL -> new Item(kind, driver, parseErrno(spec, parts[2]), 0, null, spec);
            case DEFER -> new Item(kind, driver, null, parseCount(spec, parts[2]), null, spec);
            case MODULE -> new Item(kind, driver, null, 0, parseSeconds(spec, parts[2]), spec);
        };
    }

    private static String usage(Kind kind) {
        return switch (kind) {
            case MISSING -> "missing:DRIVER";
            case FAIL -> "fail:DRIVER:ERRNO (e.g. fail:arm-smmu:-EINVAL or fail:arm-smmu:-22)";
            case DEFER -> "defer:DRIVER:N (e.g. defer:sdhci-arasan:3)";
            case MODULE -> "module:DRIVER:SECONDS (e.g. module:arm-smmu-v3:12.5)";
        };
    }

    private static int parseErrno(String spec, String text) {
        if (text.isEmpty()) {
            throw error(spec, "missing errno; expected " + usage(Kind.FAIL));
        }
        int value;
        if (text.matches("-?[0-9]+")) {
            if (!text.startsWith("-")) {
                throw error(spec, "errno must be negative, as a probe returns it: -" + text);
            }
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(spec, "errno out of range: " + text);
            }
            if (value == 0 || value < -4095) {
                throw error(spec, "errno must be between -4095 and -1: " + text);
            }
        } else {
            value = -Errno.value(text).orElseThrow(() -> error(spec, "unknown errno name '" + text
                    + "' (known: " + Errno.knownNames() + ")"));
        }
        if (value == -517) {
            throw error(spec, "use defer:DRIVER:N to make a probe return -EPROBE_DEFER");
        }
        return value;
    }

    private static int parseCount(String spec, String text) {
        if (!text.matches("[0-9]+")) {
            throw error(spec, "defer count must be a whole number >= 1, not '" + text + "'");
        }
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(spec, "defer count too large: " + text);
        }
        if (n < 1) {
            throw error(spec, "defer count must be at least 1");
        }
        return n;
    }

    private static double parseSeconds(String spec, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw error(spec, "module load time must be seconds after boot (e.g. 12.5), not '" + text + "'");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw error(spec, "module load time out of range: " + text);
        }
        return v;
    }

    static InputException error(String spec, String message) {
        return new InputException(ORIGIN, "bad fault '" + spec + "': " + message);
    }

    @Override
    public String toString() {
        List<String> t = new ArrayList<>();
        for (Item o : items) {
            t.add(o.text());
        }
        return "FaultInjection" + t;
    }
}
