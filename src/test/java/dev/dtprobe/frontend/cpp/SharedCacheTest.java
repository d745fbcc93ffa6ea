package dev.dtprobe.frontend.cpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SourceCache shared by threads (as the benchmark and parallel lint use it) must give each
 * board exactly the output a private cache gives. Speed is measured by {@code dtprobe bench}.
 */
class SharedCacheTest {
    @Test
    void parallelRunsWithSharedCacheGiveTheSameResults() throws Exception {
        Path corpus = CorpusOracleTest.CORPUS;
        assumeTrue(Files.isDirectory(corpus.resolve("src/arm64")), "corpus not present");
        List<Path> boards = CorpusOracleTest.boards();
        SourceCache shared = new SourceCache();
        List<String> parallel = boards.parallelStream().map(b -> run(b, shared)).toList();
        for (int i = 0; i < boards.size(); i++) {
            assertEquals(run(boards.get(i), new SourceCache()), parallel.get(i),
                    boards.get(i).toString());
        }
    }

    private static String run(Path b, SourceCache cache) {
        try {
            return new Preprocessor(CorpusOracleTest.absOptions(b), cache).process(CorpusOracleTest.CORPUS.resolve(b))
                    .text();
        } catch (InputException e) {
            return e.render();
        }
    }
}
