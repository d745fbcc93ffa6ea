package dev.dtprobe.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shared corpus ({@code ../shared/corpus} beside the project). Tests that need it
 * call {@link #available()} in an assumption, so a clone without {@code ../shared} skips them.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path shared() {
        return Path.of(System.getProperty("user.dir")).resolve("../shared").normalize();
    }

    /** The Linux v5.7 tree: {@code src/arm64/**.dts} and {@code include/dt-bindings}. */
    public static Path linux() {
        return shared().resolve("corpus/linux-v5.7");
    }

    /** dtc 1.6.1's DTB and stderr for each board, {@code arm64/<vendor>/<board>.dtb}. */
    public static Path dtcRef() {
        return shared().resolve("corpus/linux-v5.7-dtc-ref");
    }

    public static Path qemu() {
        return shared().resolve("corpus/qemu");
    }

    public static boolean available() {
        return Files.isDirectory(linux().resolve("src/arm64")) && Files.isDirectory(dtcRef().resolve("arm64"));
    }

    /** Every arm64 board, sorted. */
    public static List<Path> arm64Boards() {
        try (Stream<Path> s = Files.walk(linux().resolve("src/arm64"))) {
            return s.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kbuild's include path for a board: its directory, src/arm64, include, src. */
    public static List<Path> kbuildIncludes(Path board) {
        return List.of(board.getParent(), linux().resolve("src/arm64"), linux().resolve("include"),
                linux().resolve("src"));
    }

    /** The board's path below {@code src/}, without extension: {@code arm64/arm/juno}. */
    public static String relName(Path board) {
        String rel = linux().resolve("src").relativize(board).toString();
        return rel.substring(0, rel.length() - ".dts".length());
    }

    public static Path referenceDtb(Path board) {
        return dtcRef().resolve(relName(board) + ".dtb");
    }
}
