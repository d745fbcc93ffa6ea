package dev.dtprobe.lint.probe;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import dev.dtprobe.kernel.KernelProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The boots a sample's "Run:" comment lines ask for ({@code ./dtprobe boot FILE [options]}), as
 * {@link ProbeLint} set-ups: -I, --drivers, --kernel, --arch, --cmdline, --no-modules, --bind and
 * --fault are understood;
 * any other option fails the test, so a sample cannot silently be linted under another boot.
 */
final class SeedRuns {
    private SeedRuns() {
    }

    static List<ProbeLint> of(String sample) {
        List<ProbeLint> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(sample))) {
                String t = line.replaceFirst("^\\s*\\*\\s*", "");
                if (t.startsWith("./dtprobe boot ")) {
                    out.add(parse(words(t.substring("./dtprobe boot ".length()).trim())));
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

    /** Splits at spaces, keeping "double-quoted words" together (for --cmdline). */
    private static String[] words(String line) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out.toArray(new String[0]);
    }

    private static ProbeLint parse(String[] args) {
        List<Path> includes = new ArrayList<>();
        DriverCatalog catalog = DriverCatalog.bundled();
        List<String> faults = new ArrayList<>();
        List<String[]> binds = new ArrayList<>();
        String kernel = "6.6";
        KernelProfile.Arch arch = KernelProfile.Arch.ARM64;
        String cmdline = null;
        boolean noModules = false;
        for (int i = 1; i < args.length; i += 2) {
            if (args[i].equals("--no-modules")) {
                noModules = true;
                i--;
                continue;
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--cmdline" -> cmdline = value;
                case "-I" -> includes.add(Path.of(value));
                case "--drivers" -> catalog = catalog.merge(DriverCatalog.load(Path.of(value)));
                case "--kernel" -> kernel = value;
                case "--arch" -> arch = value.equals("arm") ? KernelProfile.Arch.ARM : KernelProfile.Arch.ARM64;
                case "--bind" -> binds.add(value.split("=", 2));
                case "--fault" -> faults.add(value);
                default -> fail("Run: option not understood by the lint seed test: " + args[i]);
            }
        }
        for (String f : faults) {
            catalog = catalog.with(FaultInjection.parse(f));
        }
        ProbeLint lint = ProbeLint.file(Path.of(args[0]), includes).kernel(kernel).arch(arch).catalog(catalog);
        binds.forEach(b -> lint.bind(b[0], b[1]));
        lint.cmdline(cmdline);
        if (noModules) {
            lint.noModules();
        }
        return lint;
    }
}
