package dev.dtprobe.frontend;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A tree read from DTS or DTB, the warnings met on the way, and every file that was read.
 */
public record LoadedTree(DeviceTree tree, List<Diagnostic> warnings, List<Path> files, boolean fromDtb) {
    public LoadedTree {
        warnings = List.copyOf(warnings);
        files = List.copyOf(files);
    }
}
