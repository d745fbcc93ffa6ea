package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The baseline of the corpus benchmarks: kbuild's {@code cpp | dtc} pipeline run on each board
 * of a Linux-shaped corpus ({@code src/<arch>/**.dts}, {@code include/}), one board at a time.
 */
final class CppDtc {
    private final Path corpus;
    private final String arch;

    CppDtc(Path corpus, String arch) {
        this.corpus = corpus;
        this.arch = arch;
    }

    /** Every board of the architecture, sorted. */
    List<Path> boards() throws IOException {
        Path dir = corpus.resolve("src").resolve(arch);
        if (!Files.isDirectory(dir)) {
            throw new InputException(SourcePos.ofFile(dir.toString()), "not a directory: expected CORPUS/src/" + arch);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
        }
    }

    /** kbuild's include path for a board: its directory, src/ARCH, include, src. */
    List<Path> includeDirs(Path board) {
        Path src = corpus.resolve("src");
        return List.of(board.getParent(), src.resolve(arch), corpus.resolve("include"), src);
    }

    /** Wall time of {@code cpp | dtc -O dtb} (output discarded) summed over {@code boards}. */
    long time(List<Path> boards, List<String> dtcFlags) throws IOException, InterruptedException {
        long total = 0;
        for (Path board : boards) {
            List<String> inc = new ArrayList<>();
            List<String> dtcInc = new ArrayList<>();
            for (Path dir : includeDirs(board)) {
                inc.add("-I");
                inc.add(dir.toString());
                dtcInc.add("-i");
                dtcInc.add(dir.toString());
            }
            List<String> cpp = new ArrayList<>(List.of("cpp", "-nostdinc"));
            cpp.addAll(inc);
            cpp.addAll(List.of("-undef", "-D__DTS__", "-x", "assembler-with-cpp", board.toString()));
            List<String> dtc = new ArrayList<>(List.of("dtc", "-I", "dts", "-O", "dtb", "-b", "0", "-o", "/dev/null"));
            dtc.addAll(dtcInc);
            dtc.addAll(dtcFlags);
            dtc.add("-");
            long start = System.nanoTime();
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder(cpp).redirectError(ProcessBuilder.Redirect.DISCARD),
                    new ProcessBuilder(dtc).redirectError(ProcessBuilder.Redirect.DISCARD)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)));
            for (Process p : pipeline) {
                p.waitFor();
            }
            total += System.nanoTime() - start;
        }
        return total;
    }
}
