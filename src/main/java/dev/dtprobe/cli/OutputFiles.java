package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes output files whole or not at all: to a temporary file beside the target, then renamed. */
final class OutputFiles {
    private OutputFiles() {
    }

    static void writeAtomically(Path target, byte[] content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InputException(SourcePos.ofFile(target.toString()),
                    "cannot write output: directory " + dir + " does not exist");
        }
        Path tmp = null;
        try {
            // not Files.createTempFile: its 0600 mode would survive the rename; CREATE_NEW on an
            // unguessable name gets the umask's usual mode, as a file written in place would
            tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new InputException(SourcePos.ofFile(target.toString()), "cannot write output: "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()));
        }
    }

    static void writeToStdout(byte[] content) {
        OutputStream out = System.out;
        try {
            out.write(content);
            out.flush();
        } catch (IOException e) {
            throw new InputException(SourcePos.ofFile("<stdout>"), "cannot write output: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the temporary file is hidden and named after the target
        }
    }
}
