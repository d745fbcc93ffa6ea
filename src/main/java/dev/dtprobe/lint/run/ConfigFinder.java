package dev.dtprobe.lint.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@code .dtprobe.yaml} that applies to an input: the nearest one in the input's
 * directory or any directory above it, up to the file system root. Loaded once per run.
 */
public final class ConfigFinder {
    private final ConcurrentHashMap<Path, Optional<Path>> fileByDir = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, LintConfig> configs = new ConcurrentHashMap<>();

    /** The config for {@code input}, or empty when no directory above it has one. */
    public Optional<LintConfig> forInput(Path input) {
        Path dir = input.toAbsolutePath().normalize().getParent();
        return dir == null ? Optional.empty() : nearest(dir).map(this::load);
    }

    /** Loads a config file named on the command line (cached like discovered ones). */
    public LintConfig load(Path file) {
        return configs.computeIfAbsent(file.toAbsolutePath().normalize(), LintConfig::load);
    }

    private Optional<Path> nearest(Path dir) {
        Optional<Path> known = fileByDir.get(dir);
        if (known != null) {
            return known;
        }
        Path candidate = dir.resolve(LintConfig.FILE_NAME);
        Optional<Path> found;
        if (Files.isRegularFile(candidate)) {
            found = Optional.of(candidate);
        } else {
            found = dir.getParent() == null ? Optional.empty() : nearest(dir.getParent());
        }
        fileByDir.put(dir, found);
        return found;
    }
}
