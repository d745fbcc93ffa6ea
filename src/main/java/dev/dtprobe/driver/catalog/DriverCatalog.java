package dev.dtprobe.driver.catalog;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BusType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which kernel driver binds which compatible, when it registers, how it is built and what its
 * probe acquires. Immutable: every {@code with...}/{@code merge} returns a new catalog.
 *
 * <p>Typical use: {@code bundled().merge(load(userFile)).withConfig(cfg).with(faults)} — faults
 * last, so that {@code missing:} and {@code module:} override the kernel config.
 */
public final class DriverCatalog {
    /** Classpath location of the bundled catalog. */
    public static final String BUNDLED_RESOURCE = "/dev/dtprobe/driver/catalog/drivers.json";

    /** Registration order: initcall level, then link order, then name (for determinism). */
    public static final Comparator<CatalogEntry> REGISTRATION_ORDER = Comparator
            .comparing((CatalogEntry e) -> e.spec().level())
            .thenComparingInt(e -> e.spec().linkOrder())
            .thenComparing(CatalogEntry::name);

    private static volatile DriverCatalog bundled;

    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> byName;
    private final Map<String, List<CatalogEntry>> byCompatible;
    private final Map<String, ProbeFault> faults;
    private final boolean generic;

    private DriverCatalog(List<CatalogEntry> entries, Map<String, ProbeFault> faults, boolean generic) {
        List<CatalogEntry> sorted = new ArrayList<>(entries);
        sorted.sort(REGISTRATION_ORDER);
        this.entries = List.copyOf(sorted);
        Map<String, CatalogEntry> names = new HashMap<>();
        Map<String, List<CatalogEntry>> compat = new HashMap<>();
        for (CatalogEntry e : this.entries) {
            if (names.put(e.name(), e) != null) {
                throw new IllegalArgumentException("duplicate driver " + e.name());
            }
            for (String c : e.spec().compatibles()) {
                compat.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
            }
        }
        compat.replaceAll((k, v) -> List.copyOf(v));
        this.byName = names;
        this.byCompatible = compat;
        this.faults = Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        this.generic = generic;
    }

    /** A catalog of exactly these entries (generic driver on, no faults). */
    public static DriverCatalog of(List<CatalogEntry> entries) {
        return new DriverCatalog(entries, Map.of(), true);
    }

    /** The catalog shipped with dtprobe (see {@code docs/driver-catalog.md}). */
    public static DriverCatalog bundled() {
        DriverCatalog c = bundled;
        if (c == null) {
            synchronized (DriverCatalog.class) {
                c = bundled;
                if (c == null) {
                    c = loadBundled();
                    bundled = c;
                }
            }
        }
        return c;
    }

    private static DriverCatalog loadBundled() {
        try (InputStream in = DriverCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled driver catalog missing: " + BUNDLED_RESOURCE);
            }
            return of(CatalogReader.read("<bundled>" + BUNDLED_RESOURCE, in, CatalogReader.Format.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a user catalog, JSON ({@code .json}) or YAML ({@code .yaml}/{@code .yml}); errors are
     * {@link InputException}s at {@code file:line:col}.
     */
    public static DriverCatalog load(Path file) {
        CatalogReader.Format format = CatalogReader.formatOf(file.getFileName() == null ? "" : file.getFileName().toString());
        if (format == null) {
            throw new InputException(SourcePos.ofFile(file.toString()),
                    "driver catalog must be a .json, .yaml or .yml file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return of(CatalogReader.read(file.toString(), in, format));
        } catch (IOException e) {
            throw new InputException(SourcePos.ofFile(file.toString()),
                    "cannot read driver catalog: " + e.getMessage(), e);
        }
    }

    /** This catalog with {@code overrides} on top: a driver of the same name is replaced, others added. */
    public DriverCatalog merge(DriverCatalog overrides) {
        Map<String, CatalogEntry> m = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            m.put(e.name(), e);
        }
        for (CatalogEntry e : overrides.entries) {
            m.put(e.name(), e);
        }
        Map<String, ProbeFault> f = new LinkedHashMap<>(faults);
        f.putAll(overrides.faults);
        return new DriverCatalog(new ArrayList<>(m.values()), f, generic);
    }

    /**
     * Builds as a kernel config decides: each driver with a {@code config} symbol gets that symbol's
     * {@code y}/{@code m}/{@code n}; a symbol missing from the file counts as {@code n}. A driver that
     * becomes a module keeps its {@code moduleLoadSeconds} if it had one, otherwise it is never
     * loaded (give a time with {@code module:DRIVER:SECONDS}). Drivers without a symbol are unchanged.
     */
    public DriverCatalog withConfig(KernelConfig config) {
        List<CatalogEntry> out = new ArrayList<>();
        for (CatalogEntry e : entries) {
            String sym = e.spec().config();
            if (sym == null) {
                out.add(e);
                continue;
            }
            Build b = config.get(sym).orElse(Build.ABSENT);
            out.add(e.withBuild(b, b == Build.MODULE ? e.moduleLoadSeconds() : null));
        }
        return new DriverCatalog(out, faults, generic);
    }

    /** Whether compatibles no driver knows get the {@link GenericDriver} (on by default). */
    public DriverCatalog withGenericDriver(boolean on) {
        return new DriverCatalog(entries, faults, on);
    }

    /** Applies fault injection; every driver it names must be in the catalog. */
    public DriverCatalog with(FaultInjection f) {
        Map<String, CatalogEntry> m = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            m.put(e.name(), e);
        }
        for (FaultInjection.Item o : f.items()) {
            CatalogEntry e = m.get(o.driver());
            if (e == null) {
                throw FaultInjection.error(o.text(), "no driver named '" + o.driver() + "' in the catalog"
                        + suggestions(o.driver()));
            }
            if (o.kind() == FaultInjection.Kind.MISSING) {
                m.put(e.name(), e.withBuild(Build.ABSENT, null));
            } else if (o.kind() == FaultInjection.Kind.MODULE) {
                m.put(e.name(), e.withBuild(Build.MODULE, o.loadSeconds()));
            }
        }
        Map<String, ProbeFault> nf = new LinkedHashMap<>(faults);
        f.faults().forEach((k, v) -> nf.merge(k, v, ProbeFault::combine));
        return new DriverCatalog(new ArrayList<>(m.values()), nf, generic);
    }

    private String suggestions(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        List<String> near = entries.stream().map(CatalogEntry::name)
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains(lower)
                        || lower.contains(n.toLowerCase(java.util.Locale.ROOT)))
                .limit(5).collect(Collectors.toList());
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    /** Every known driver (never the generic one), in registration order: level, then link order. */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /**
     * Every known driver whose match table contains {@code compatible}, in registration order,
     * whatever its build (check {@link CatalogEntry#registers()}). When none knows it and the generic
     * driver is on: the generic driver for that compatible.
     */
    public List<CatalogEntry> matching(String compatible) {
        List<CatalogEntry> known = byCompatible.get(compatible);
        if (known != null) {
            return known;
        }
        return generic ? List.of(GenericDriver.forCompatible(compatible, BusType.PLATFORM)) : List.of();
    }

    /**
     * The drivers that can match a node with this compatible list (most specific first): every
     * known driver whose table contains any of them, in registration order, whatever its build.
     * When none of the node's compatibles is known and the generic driver is on: the generic driver
     * named after the node's first compatible. This is the per-node question the driver core asks.
     */
    public List<CatalogEntry> matchingNode(List<String> nodeCompatibles) {
        Set<CatalogEntry> found = new LinkedHashSet<>();
        for (String c : nodeCompatibles) {
            List<CatalogEntry> known = byCompatible.get(c);
            if (known != null) {
                found.addAll(known);
            }
        }
        if (found.isEmpty()) {
            return generic && !nodeCompatibles.isEmpty() ? List.of(GenericDriver.forNode(nodeCompatibles)) : List.of();
        }
        List<CatalogEntry> out = new ArrayList<>(found);
        out.sort(REGISTRATION_ORDER);
        return List.copyOf(out);
    }

    /** True when some known driver (of any build) lists {@code compatible}. */
    public boolean knows(String compatible) {
        return byCompatible.containsKey(compatible);
    }

    public Optional<CatalogEntry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Driver name → injected probe behaviour. */
    public Map<String, ProbeFault> faults() {
        return faults;
    }

    public boolean genericDriver() {
        return generic;
    }

    @Override
    public String toString() {
        return "DriverCatalog[" + entries.size() + " drivers, " + faults.size() + " faults, generic="
                + generic + "]";
    }
}
