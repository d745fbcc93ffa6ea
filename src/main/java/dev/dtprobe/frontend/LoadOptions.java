package dev.dtprobe.frontend;

import java.nio.file.Path;
import java.util.List;

/**
 * How to read a board: the preprocessor's include path and macros, and dtc's output switches.
 *
 * @param includeDirs  {@code -I} directories, searched in order (kbuild passes the board's
 *                     directory, {@code arch/<arch>/boot/dts}, {@code include}, ...)
 * @param defines      {@code -D SYM} or {@code -D SYM=VAL}, in command-line order
 * @param undefs       {@code -U SYM}
 * @param symbols      dtc's {@code -@}: generate {@code /__symbols__}
 * @param bootCpuid    dtc's {@code -b}: the header's boot CPU, or null to take it from /cpus
 */
public record LoadOptions(List<Path> includeDirs, List<String> defines, List<String> undefs,
        boolean symbols, Long bootCpuid) {

    public LoadOptions {
        includeDirs = List.copyOf(includeDirs);
        defines = List.copyOf(defines);
        undefs = List.copyOf(undefs);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(List.of(), List.of(), List.of(), false, null);
    }

    /** The include path kbuild uses for a board of the Linux tree (or a devicetree-rebasing tree). */
    public static List<Path> kbuildIncludeDirs(Path board, Path archDts, Path include, Path dtsRoot) {
        Path dir = board.toAbsolutePath().getParent();
        return List.of(dir, archDts, include, dtsRoot);
    }
}
