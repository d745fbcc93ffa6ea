package dev.dtprobe.driver.catalog;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.InputErrors;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel {@code .config} as kconfig writes it. Tristate lines ({@code CONFIG_X=y},
 * {@code =m}, {@code =n}, {@code # CONFIG_X is not set}) decide builds; string, integer and hex
 * values are accepted and kept but have no {@link Build}. Other {@code #} lines and blank lines are
 * comments. Anything else is an error, all of them reported at once with their line numbers.
 *
 * <p>A symbol that does not appear at all is reported as {@link Optional#empty()} by
 * {@link #get}; {@link DriverCatalog#withConfig} treats it as {@code n}, as kconfig does for an
 * invisible symbol (so pass a full {@code .config}, not a defconfig fragment).
 */
public final class KernelConfig {
    private static final Pattern ASSIGN = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");
    private static final Pattern NOT_SET = Pattern.compile("#\\s*(CONFIG_[A-Za-z0-9_]+) is not set\\s*");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+|0[xX][0-9A-Fa-f]+");

    private final Map<String, String> values;

    private KernelConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static KernelConfig parse(Path dotConfig) {
        String text;
        try {
            text = Files.readString(dotConfig, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(SourcePos.ofFile(dotConfig.toString()),
                    "cannot read kernel config: " + e.getMessage(), e);
        }
        return parse(dotConfig.toString(), text);
    }

    /** Parses config text; {@code displayName} names the file in errors. */
    public static KernelConfig parse(String displayName, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            SourcePos pos = new SourcePos(displayName, i + 1, 1);
            if (line.isEmpty()) {
                continue;
            }
            Matcher ns = NOT_SET.matcher(line);
            if (ns.matches()) {
                values.put(ns.group(1), "n");
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGN.matcher(line);
            if (!m.matches()) {
                errors.add(new Diagnostic(Severity.ERROR, pos, "expected CONFIG_NAME=value or "
                        + "'# CONFIG_NAME is not set', found '" + abbreviate(line) + "'", null));
                continue;
            }
            String value = m.group(2);
            if (!(value.equals("y") || value.equals("m") || value.equals("n")
                    || STRING.matcher(value).matches() || NUMBER.matcher(value).matches())) {
                errors.add(new Diagnostic(Severity.ERROR, pos, "bad value for " + m.group(1) + ": '"
                        + abbreviate(value) + "' (expected y, m, n, a number or a quoted string)", null));
                continue;
            }
            values.put(m.group(1), value);
        }
        if (!errors.isEmpty()) {
            throw new InputErrors(errors);
        }
        return new KernelConfig(values);
    }

    /** Builds a config from symbol → letter pairs ({@code "CONFIG_ARM_SMMU" → "m"}), for tests. */
    public static KernelConfig of(Map<String, String> symbols) {
        Map<String, String> v = new LinkedHashMap<>();
        symbols.forEach((k, val) -> v.put(normalise(k), val));
        return new KernelConfig(v);
    }

    /**
     * The build a tristate symbol selects ({@code "CONFIG_ARM_SMMU"} or {@code "ARM_SMMU"}), or
     * empty when the symbol is absent from the file or has a non-tristate value.
     */
    public Optional<Build> get(String symbol) {
        String v = values.get(normalise(symbol));
        if (v == null) {
            return Optional.empty();
        }
        return switch (v) {
            case "y" -> Optional.of(Build.BUILTIN);
            case "m" -> Optional.of(Build.MODULE);
            case "n" -> Optional.of(Build.ABSENT);
            default -> Optional.empty();
        };
    }

    /** True when the symbol appears in the file (with any value, including "is not set"). */
    public boolean mentions(String symbol) {
        return values.containsKey(normalise(symbol));
    }

    /** The raw value ({@code y}, {@code m}, {@code n}, a number or a quoted string). */
    public Optional<String> raw(String symbol) {
        return Optional.ofNullable(values.get(normalise(symbol)));
    }

    public int size() {
        return values.size();
    }

    private static String normalise(String symbol) {
        return symbol.startsWith("CONFIG_") ? symbol : "CONFIG_" + symbol;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
