package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesWholeFileAndLeavesNoTemporaryBehind() throws Exception {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "old");
        OutputFiles.writeAtomically(out, "new".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the output remains");
        }
    }

    /** A report is for sharing: others may read it, as with any file the shell would write. */
    @Test
    void theFileIsReadableByOthersLikeAnyOtherOutput() throws Exception {
        Path out = dir.resolve("report.html");
        OutputFiles.writeAtomically(out, new byte[] {1});
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(out);
        assertTrue(perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ),
                "mode " + perms + " (umask 077 would explain it)");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        InputException e = assertThrows(InputException.class,
                () -> OutputFiles.writeAtomically(dir.resolve("no/such/x.json"), new byte[0]));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
