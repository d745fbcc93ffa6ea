package dev.dtprobe.lint.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suppression comments of each source file, read once per run and shared by every board
 * that includes the file (thread-safe). Files that cannot be read have none.
 */
public final class SourceComments {
    private final ConcurrentHashMap<Path, List<SuppressionComment>> byFile = new ConcurrentHashMap<>();

    public List<SuppressionComment> of(Path file) {
        return byFile.computeIfAbsent(file.toAbsolutePath().normalize(), SourceComments::read);
    }

    /** The comments of {@code fileName} (a SourcePos file name) that cover {@code line}. */
    public List<SuppressionComment> covering(String fileName, int line) {
        if (line <= 0) {
            return List.of();
        }
        Path p;
        try {
            p = Path.of(fileName);
        } catch (RuntimeException e) {
            return List.of(); // "<command-line>" and the like on odd file systems
        }
        return of(p).stream().filter(c -> c.covers(line)).toList();
    }

    private static List<SuppressionComment> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            return SuppressionComments.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of(); // the front end already read it; a race with deletion just loses comments
        }
    }
}
