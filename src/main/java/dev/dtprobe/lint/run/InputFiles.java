package dev.dtprobe.lint.run;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns command-line inputs into the files to lint: a directory stands for every {@code .dts}
 * and {@code .dtb} file below it (recursively, sorted by path; {@code .dtsi} files are only
 * included by boards), anything else for itself (a missing file is reported when linted).
 * A file named twice is linted once.
 */
public final class InputFiles {
    private InputFiles() {
    }

    public static List<Path> expand(List<Path> inputs) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                out.addAll(boardsUnder(in));
            } else {
                out.add(in.normalize());
            }
        }
        return new ArrayList<>(out);
    }

    private static List<Path> boardsUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(InputFiles::isBoard).map(Path::normalize)
                    .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(SourcePos.ofFile(dir.toString()), "cannot list directory: " + e.getMessage());
        }
    }

    static boolean isBoard(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".dts") || name.endsWith(".dtb");
    }
}
