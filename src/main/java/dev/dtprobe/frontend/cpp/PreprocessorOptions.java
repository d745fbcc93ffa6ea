package dev.dtprobe.frontend.cpp;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of one preprocessor configuration, like the cpp command line.
 *
 * @param includeDirs the {@code -I} directories, in search order
 * @param defines     {@code -D} arguments ({@code "SYM"} or {@code "SYM=VAL"}), applied in order
 * @param undefs      {@code -U} arguments, applied after the defines
 */
public record PreprocessorOptions(List<Path> includeDirs, List<String> defines, List<String> undefs) {
    public PreprocessorOptions {
        includeDirs = includeDirs == null ? List.of() : List.copyOf(includeDirs);
        defines = defines == null ? List.of() : List.copyOf(defines);
        undefs = undefs == null ? List.of() : List.copyOf(undefs);
    }

    /** The kbuild configuration: the given include dirs and {@code -D__DTS__}. */
    public static PreprocessorOptions kbuild(List<Path> includeDirs) {
        return new PreprocessorOptions(includeDirs, List.of("__DTS__"), List.of());
    }
}
