package dev.dtprobe.driver.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.driver.InitcallLevel;
import dev.dtprobe.iommu.IommuKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a catalog file: {@code {"drivers": [ {...}, ... ]}} in JSON or YAML. Every error (syntax,
 * unknown key, wrong type, invalid value) becomes an {@link InputException} at the
 * {@code file:line:col} Jackson reports, or at the start of the offending driver object.
 */
final class CatalogReader {
    /** The buses a populating driver can put its children on. */
    private static final List<BusType> CHILD_BUSES = List.of(BusType.PLATFORM, BusType.I2C,
            BusType.SPI, BusType.RPMSG);

    enum Format { JSON, YAML }

    /** Link order given to user drivers that omit it: after every bundled driver of the level. */
    static final int DEFAULT_LINK_ORDER = 1_000_000;

    private static final Set<String> TOP_KEYS = Set.of("drivers", "comment");

    private static final ObjectMapper JSON = configure(JsonMapper.builder(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));
    private static final ObjectMapper YAML = configure(YAMLMapper.builder(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));

    private CatalogReader() {
    }

    private static ObjectMapper configure(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> b) {
        return b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // trailing content is checked by readTop: values are read one driver at a time
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    static Format formatOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return Format.JSON;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Format.YAML;
        }
        return null;
    }

    static List<CatalogEntry> read(String file, InputStream in, Format format) {
        ObjectMapper mapper = format == Format.JSON ? JSON : YAML;
        try (JsonParser p = mapper.createParser(in)) {
            return readTop(file, p, mapper);
        } catch (InputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new InputException(pos(file, e.getLocation()), describe(e), e);
        } catch (IOException e) {
            throw new InputException(SourcePos.ofFile(file), "cannot read driver catalog: " + e.getMessage(), e);
        }
    }

    private static List<CatalogEntry> readTop(String file, JsonParser p, ObjectMapper mapper) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new InputException(pos(file, p.currentTokenLocation()),
                    "a driver catalog must be an object with a \"drivers\" list");
        }
        List<CatalogEntry> entries = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyLoc = p.currentTokenLocation();
            if (!TOP_KEYS.contains(key)) {
                throw new InputException(pos(file, keyLoc), "unknown key '" + key
                        + "' at top level (known keys: drivers, comment)");
            }
            p.nextToken();
            if (key.equals("comment")) {
                p.skipChildren();
            } else {
                entries = readDrivers(file, p, mapper);
            }
        }
        if (entries == null) {
            throw new InputException(pos(file, p.currentTokenLocation()), "missing \"drivers\" list");
        }
        if (p.nextToken() != null) {
            throw new InputException(pos(file, p.currentTokenLocation()), "unexpected content after the catalog");
        }
        return entries;
    }

    private static List<CatalogEntry> readDrivers(String file, JsonParser p, ObjectMapper mapper) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new InputException(pos(file, p.currentTokenLocation()), "\"drivers\" must be a list of driver objects");
        }
        List<CatalogEntry> out = new ArrayList<>();
        Map<String, SourcePos> seen = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            SourcePos at = pos(file, p.currentTokenLocation());
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(at, "each entry of \"drivers\" must be an object");
            }
            DriverRecord r = readRecord(file, p, mapper);
            CatalogEntry e = toEntry(at, r);
            SourcePos prev = seen.putIfAbsent(e.name(), at);
            if (prev != null) {
                throw new InputException(at, "duplicate driver '" + e.name() + "' (first defined at " + prev + ")");
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Reads one driver object. Keys are checked here, on the original parser, so that an unknown
     * key is reported where it stands (Jackson's record binding only notices it at the end of the
     * object); values are then bound from a buffer, and a bad value is reported at its key.
     */
    private static DriverRecord readRecord(String file, JsonParser p, ObjectMapper mapper) throws IOException {
        SourcePos start = pos(file, p.currentTokenLocation());
        Map<String, SourcePos> keyPos = new HashMap<>();
        TokenBuffer buf = new TokenBuffer(p);
        buf.writeStartObject();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            SourcePos at = pos(file, p.currentTokenLocation());
            if (!DriverRecord.KEYS.contains(key)) {
                throw new InputException(at, "unknown key '" + key + "' in driver (known keys: "
                        + String.join(", ", DriverRecord.KEYS) + ")");
            }
            keyPos.put(key, at);
            buf.writeFieldName(key);
            p.nextToken();
            buf.copyCurrentStructure(p);
        }
        buf.writeEndObject();
        try (JsonParser bp = buf.asParser(mapper)) {
            return mapper.readValue(bp, DriverRecord.class);
        } catch (JsonMappingException e) {
            SourcePos at = start;
            if (!e.getPath().isEmpty() && e.getPath().get(0).getFieldName() != null) {
                at = keyPos.getOrDefault(e.getPath().get(0).getFieldName(), start);
            }
            throw new InputException(at, describe(e), e);
        }
    }

    static CatalogEntry toEntry(SourcePos at, DriverRecord r) {
        if (r.name() == null || r.name().isBlank()) {
            throw new InputException(at, "driver has no \"name\"");
        }
        String name = r.name();
        if (!name.equals(name.strip()) || name.chars().anyMatch(Character::isWhitespace)) {
            throw new InputException(at, "driver name '" + name + "' must not contain white space");
        }
        if (GenericDriver.isGenericName(name)) {
            throw new InputException(at, "driver name '" + name + "' is reserved for the generic driver");
        }
        String what = "driver '" + name + "': ";
        if (r.compatibles() == null) {
            throw new InputException(at, what + "missing \"compatibles\" (use [] for a driver bound by override)");
        }
        Set<String> dup = new HashSet<>();
        for (String c : r.compatibles()) {
            if (!CompatibleStrings.isWellFormed(c)) {
                throw new InputException(at, what + "malformed compatible '" + c + "'");
            }
            if (!dup.add(c)) {
                throw new InputException(at, what + "compatible '" + c + "' listed twice");
            }
        }
        List<String> acquires = r.acquires() == null ? List.of() : r.acquires();
        for (String a : acquires) {
            if (!CompatibleStrings.isValidAcquire(a)) {
                throw new InputException(at, what + "malformed supplier property '" + a + "' in \"acquires\"");
            }
        }
        BusType bus = r.bus() == null ? BusType.PLATFORM : parseEnum(at, what, "bus", r.bus(), BusType.class);
        InitcallLevel level = r.level() == null ? InitcallLevel.DEVICE
                : parseEnum(at, what, "level", r.level(), InitcallLevel.class);
        if (level == InitcallLevel.MODULE) {
            throw new InputException(at, what + "\"level\" is the built-in initcall level; "
                    + "write \"build\": \"m\" for a module");
        }
        IommuKind iommu = r.iommu() == null ? null : parseEnum(at, what, "iommu", r.iommu(), IommuKind.class);
        if (r.config() != null && !r.config().matches("CONFIG_[A-Za-z0-9_]+")) {
            throw new InputException(at, what + "\"config\" must be a Kconfig symbol like CONFIG_ARM_SMMU, not '"
                    + r.config() + "'");
        }
        Build build = r.build() == null ? Build.BUILTIN : parseBuild(at, what, r.build());
        Double load = r.moduleLoadSeconds();
        if (load != null) {
            if (build != Build.MODULE) {
                throw new InputException(at, what + "\"moduleLoadSeconds\" needs \"build\": \"m\"");
            }
            if (!(load >= 0) || load.isInfinite()) {
                throw new InputException(at, what + "\"moduleLoadSeconds\" must be a time >= 0 in seconds");
            }
        }
        int linkOrder = r.linkOrder() == null ? DEFAULT_LINK_ORDER : r.linkOrder();
        if (linkOrder < 0) {
            throw new InputException(at, what + "\"linkOrder\" must not be negative");
        }
        boolean populates = Boolean.TRUE.equals(r.populatesChildren());
        BusType childBus = BusType.PLATFORM;
        if (r.childBus() != null) {
            if (!populates) {
                throw new InputException(at, what + "\"childBus\" needs \"populatesChildren\": true");
            }
            childBus = CHILD_BUSES.stream().filter(b -> b.name().equalsIgnoreCase(r.childBus())).findFirst()
                    .orElseThrow(() -> new InputException(at, what + "bad \"childBus\" '" + r.childBus()
                            + "': must be PLATFORM, I2C, SPI or RPMSG (PCI hosts and the fsl-mc bus are recognised "
                            + "by their nodes)"));
        }
        DriverSpec spec = new DriverSpec(name, r.compatibles(), bus, level, linkOrder, r.config(), acquires,
                Boolean.TRUE.equals(r.driverManagedDma()), iommu, populates, childBus);
        return new CatalogEntry(spec, build, load);
    }

    private static Build parseBuild(SourcePos at, String what, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "y", "builtin" -> Build.BUILTIN;
            case "m", "module" -> Build.MODULE;
            case "n", "absent" -> Build.ABSENT;
            default -> throw new InputException(at, what + "bad \"build\" '" + text + "' (expected y, m or n)");
        };
    }

    private static <E extends Enum<E>> E parseEnum(SourcePos at, String what, String key, String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new InputException(at, what + "bad \"" + key + "\" '" + text + "' (expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }

    private static SourcePos pos(String file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return SourcePos.ofFile(file);
        }
        return new SourcePos(file, loc.getLineNr(), Math.max(loc.getColumnNr(), 0));
    }

    /** A one-line message for a Jackson error, without class names or source excerpts. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' in driver (known keys: "
                    + String.join(", ", DriverRecord.KEYS) + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return "bad value " + f.getValue() + " for " + path(f);
        }
        if (e instanceof MismatchedInputException m) {
            String p = path(m);
            String expected = expectedType(m.getTargetType());
            return p.isEmpty() ? "wrong type" + expected : "wrong type for " + p + expected;
        }
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return "syntax error: " + (nl < 0 ? msg : msg.substring(0, nl));
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append('"').append(r.getFieldName()).append('"');
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expectedType(Class<?> t) {
        if (t == null) {
            return "";
        }
        if (t == String.class) {
            return " (expected a string)";
        }
        if (t == Integer.class || t == int.class) {
            return " (expected an integer)";
        }
        if (t == Double.class || t == double.class) {
            return " (expected a number)";
        }
        if (t == Boolean.class || t == boolean.class) {
            return " (expected true or false)";
        }
        if (List.class.isAssignableFrom(t)) {
            return " (expected a list)";
        }
        return " (expected " + t.getSimpleName() + ")";
    }
}
