package dev.dtprobe.lint.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .dtprobe.yaml} file (format in docs/lint.md):
 * <pre>
 * rules:              # rule id or dtc check name: error | warning | info | off
 *   unit-address-vs-reg: off
 * include:            # cpp include path, relative to this file's directory
 *   - include
 * kernel: "6.1"       # kernel version the probe rules simulate
 * fail-on: warning    # error | warning | info | none
 * </pre>
 * Every key is optional; unknown keys are errors, so typos do not pass silently.
 */
public record LintConfig(Path file, Map<String, RuleLevel> rules, List<Path> includeDirs, String kernel,
        FailOn failOn) {

    public static final String FILE_NAME = ".dtprobe.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public LintConfig {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        includeDirs = List.copyOf(includeDirs);
    }

    /** The file as written; Jackson rejects unknown keys. */
    private record Raw(Map<String, String> rules, List<String> include, String kernel,
            @JsonProperty("fail-on") String failOn) {
    }

    public static LintConfig load(Path file) {
        Raw raw;
        try {
            raw = YAML.readValue(Files.readString(file), Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw error(file, "unknown key '" + e.getPropertyName() + "': expected rules, include, kernel or fail-on");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            SourcePos pos = loc == null ? SourcePos.ofFile(file.toString())
                    : new SourcePos(file.toString(), loc.getLineNr(), loc.getColumnNr());
            throw new InputException(pos, "bad lint config: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(SourcePos.ofFile(file.toString()), "cannot read lint config: " + e.getMessage());
        }
        if (raw == null) {
            raw = new Raw(null, null, null, null); // an empty file
        }
        Map<String, RuleLevel> rules = new LinkedHashMap<>();
        if (raw.rules() != null) {
            raw.rules().forEach((name, level) -> {
                RuleLevel l = level == null ? null : RuleLevel.parse(level);
                if (l == null) {
                    throw error(file, "rule '" + name + "': level must be error, warning, info or off, not '" + level + "'");
                }
                rules.put(name, l);
            });
        }
        List<Path> include = new ArrayList<>();
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (raw.include() != null) {
            raw.include().forEach(p -> include.add(dir.resolve(p).normalize()));
        }
        FailOn failOn = null;
        if (raw.failOn() != null) {
            failOn = FailOn.parse(raw.failOn());
            if (failOn == null) {
                throw error(file, "fail-on must be error, warning, info or none, not '" + raw.failOn() + "'");
            }
        }
        return new LintConfig(file, rules, include, raw.kernel(), failOn);
    }

    /** Sets this file's rule levels; a name that is no rule id or dtc alias is an error here. */
    public void applyTo(RuleLevels levels) {
        rules.forEach((name, level) -> {
            if (levels.rules().find(name) == null) {
                throw error(file, "unknown rule '" + name + "' (see dtprobe lint --list-rules)");
            }
            levels.set(name, level);
        });
    }

    private static InputException error(Path file, String message) {
        return new InputException(SourcePos.ofFile(file.toString()), message);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
