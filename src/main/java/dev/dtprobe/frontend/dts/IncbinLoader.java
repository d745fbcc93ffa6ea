package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code /incbin/} files with dtc's search order: the directory of the file that names
 * it, then each include directory.
 */
public final class IncbinLoader {
    private final List<Path> includeDirs;

    public IncbinLoader(List<Path> includeDirs) {
        this.includeDirs = List.copyOf(includeDirs);
    }

    byte[] load(String name, SourcePos at, long offset, long length) {
        Path file = find(name, at);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (offset < 0 || offset > size) {
                throw new InputException(at, "Couldn't seek to offset " + offset + " in \"" + name + "\"");
            }
            long available = size - offset;
            long want = length < 0 ? available : Math.min(length, available);
            if (want > Integer.MAX_VALUE - 16) {
                throw new InputException(at, "\"" + name + "\" is too large to include");
            }
            byte[] data = new byte[(int) want];
            in.seek(offset);
            in.readFully(data);
            return data;
        } catch (IOException e) {
            throw new InputException(at, "Couldn't read \"" + name + "\": " + e.getMessage());
        }
    }

    private Path find(String name, SourcePos at) {
        List<Path> candidates = new ArrayList<>();
        Path direct = Path.of(name);
        if (direct.isAbsolute()) {
            candidates.add(direct);
        } else {
            Path including = Path.of(at.file()).getParent();
            candidates.add(including == null ? direct : including.resolve(name));
            for (Path dir : includeDirs) {
                candidates.add(dir.resolve(name));
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new InputException(at, "Couldn't open \"" + name + "\": No such file or directory");
    }
}
