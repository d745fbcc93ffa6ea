package dev.dtprobe.frontend.cpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.testutil.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Compares the built-in preprocessor with /usr/bin/cpp on every arm64 board of the corpus. */
class CorpusOracleTest {
    static final Path CORPUS = Corpus.linux();
    static final Path CPP = Path.of("/usr/bin/cpp");

    static List<Path> boards() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS.resolve("src/arm64"))) {
            return s.filter(p -> p.toString().endsWith(".dts")).map(CORPUS::relativize).sorted()
                    .collect(Collectors.toList());
        }
    }

    static PreprocessorOptions optionsFor(Path board) {
        return PreprocessorOptions.kbuild(List.of(board.getParent(), Path.of("src/arm64"), Path.of("include"),
                Path.of("src")));
    }

    /** cpp's stdout without line markers, or "ERROR file:line:col: msg" for its first error. */
    static String runCpp(Path board) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CPP.toString(), "-nostdinc", "-I", board.getParent().toString(),
                "-I", "src/arm64", "-I", "include", "-I", "src", "-undef", "-D__DTS__", "-x",
                "assembler-with-cpp", board.toString()));
        Process p = new ProcessBuilder(cmd).directory(CORPUS.toFile()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] outBytes = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            for (String line : err.split("\n")) {
                int k = line.indexOf(": fatal error: ");
                int m = line.indexOf(": error: ");
                if (k > 0) {
                    return "ERROR " + line.substring(0, k) + ": " + line.substring(k + ": fatal error: ".length());
                }
                if (m > 0) {
                    return "ERROR " + line.substring(0, m) + ": " + line.substring(m + ": error: ".length());
                }
            }
            return "ERROR ?";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : new String(outBytes, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("# ") && line.length() > 2 && Character.isDigit(line.charAt(2))) {
                continue; // line marker
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    static List<String> words(String s) {
        return Arrays.stream(s.split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }

    @Test
    void allArm64BoardsMatchCpp() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS.resolve("src/arm64")), "corpus not present");
        assumeTrue(Files.isExecutable(CPP), "cpp not installed");
        List<Path> boards = boards();
        ExecutorService ex = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<Future<String>> expected = new ArrayList<>();
        for (Path b : boards) {
            expected.add(ex.submit(() -> runCpp(b)));
        }
        SourceCache cache = new SourceCache();
        int ok = 0;
        List<String> failures = new ArrayList<>();
        int checkedLines = 0;
        int errorsMatched = 0;
        for (int i = 0; i < boards.size(); i++) {
            Path b = boards.get(i);
            Path abs = CORPUS.resolve(b);
            String cppOut = expected.get(i).get();
            PreprocessedSource ours;
            try {
                ours = new Preprocessor(absOptions(b), cache).processCppOnly(abs);
            } catch (InputException e) {
                String mine = "ERROR " + relative(e.pos()) + ": " + e.getMessage();
                if (mine.equals(cppOut)) {
                    errorsMatched++;
                    ok++;
                } else {
                    failures.add(b + ": ours " + mine + " cpp " + (cppOut.startsWith("ERROR") ? cppOut : "ok"));
                }
                continue;
            }
            if (cppOut.startsWith("ERROR")) {
                failures.add(b + ": cpp failed but we did not: " + cppOut);
                continue;
            }
            List<String> want = words(cppOut);
            List<String> got = words(ours.text());
            if (!want.equals(got)) {
                int k = 0;
                while (k < Math.min(want.size(), got.size()) && want.get(k).equals(got.get(k))) {
                    k++;
                }
                failures.add(b + ": first difference at word " + k + ": cpp="
                        + want.subList(Math.max(0, k - 3), Math.min(want.size(), k + 5)) + " ours="
                        + got.subList(Math.max(0, k - 3), Math.min(got.size(), k + 5)));
                continue;
            }
            checkedLines += checkPositions(abs, ours);
            ok++;
        }
        ex.shutdownNow();
        assertTrue(failures.isEmpty(), failures.size() + " of " + boards.size() + " boards differ:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(boards.size(), ok);
        assertTrue(boards.size() >= 300, "expected the whole corpus, got " + boards.size());
        assertTrue(checkedLines > 1000, "too few positions checked: " + checkedLines);
        System.out.printf("corpus oracle: %d boards, %d identical token streams, %d identical errors, %d positions checked%n",
                boards.size(), ok - errorsMatched, errorsMatched, checkedLines);
    }

    static String relative(SourcePos p) {
        Path f = Path.of(p.file());
        String name = f.isAbsolute() && f.startsWith(CORPUS) ? CORPUS.relativize(f).toString() : p.file();
        return new SourcePos(name, p.line(), p.column()).toString();
    }

    static PreprocessorOptions absOptions(Path board) {
        return PreprocessorOptions.kbuild(List.of(CORPUS.resolve(board.getParent()), CORPUS.resolve("src/arm64"),
                CORPUS.resolve("include"), CORPUS.resolve("src")));
    }

    /**
     * Every line of the board file that has no identifiers that are macros, no comments and no directives
     * must appear in the output, and its first character maps back to that line and column.
     */
    static int checkPositions(Path board, PreprocessedSource ps) throws IOException {
        String src = Files.readString(board);
        String[] lines = src.split("\n", -1);
        String text = ps.text();
        int checked = 0;
        boolean inComment = false;
        for (int ln = 0; ln < lines.length; ln++) {
            String l = lines[ln];
            if (l.contains("/*") || l.contains("*/") || l.contains("//") || inComment) {
                if (l.contains("/*") && !l.contains("*/")) {
                    inComment = true;
                }
                if (l.contains("*/")) {
                    inComment = false;
                }
                continue;
            }
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#") || !t.matches("[a-z0-9@,._ =<>;{}&:-]+") || t.matches(".*[A-Z].*")) {
                continue;
            }
            // find the line's text in the output
            int col = l.indexOf(t.charAt(0)) + 1;
            String collapsed = t.replaceAll("\\s+", " ");
            int from = 0;
            boolean found = false;
            while (true) {
                int at = text.indexOf(collapsed, from);
                if (at < 0) {
                    break;
                }
                SourcePos p = ps.posAt(at);
                if (p.line() == ln + 1 && p.file().equals(board.toString())) {
                    assertEquals(col, p.column(), "column of " + board + ":" + (ln + 1));
                    found = true;
                    break;
                }
                from = at + 1;
            }
            if (t.equals(collapsed)) {
                assertTrue(found, "line not mapped: " + board + ":" + (ln + 1) + ": " + t);
                checked++;
            }
        }
        return checked;
    }
}
