package dev.dtprobe.frontend.cpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe cache of file contents and their pre-lexed token arrays, keyed by normalized
 * absolute path. Share one instance across many {@link Preprocessor} runs in a process so that
 * headers included by many boards are read and lexed once. Files are assumed not to change while
 * the cache is alive (a missing file is remembered as missing, too).
 */
public final class SourceCache {

    /** One cached file. */
    static final class Entry {
        final Path key;
        final String text; // null when the file does not exist / is not readable
        private volatile LexedFile lexed;
        private volatile int[] lineStarts;

        Entry(Path key, String text) {
            this.key = key;
            this.text = text;
        }

        LexedFile lexed() {
            LexedFile l = lexed;
            if (l == null) {
                synchronized (this) {
                    l = lexed;
                    if (l == null) {
                        l = Lexer.lex(text, new HashMap<>());
                        lexed = l;
                    }
                }
            }
            return l;
        }

        int[] lineStarts() {
            int[] ls = lineStarts;
            if (ls == null) {
                int count = 1;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        count++;
                    }
                }
                ls = new int[count];
                int k = 1;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        ls[k++] = i + 1;
                    }
                }
                lineStarts = ls;
            }
            return ls;
        }
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    public SourceCache() {
    }

    /** The cached entry for a file, reading it on first use; {@code text} is null if it does not exist. */
    Entry get(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Entry e = entries.get(key);
        if (e != null) {
            return e;
        }
        return entries.computeIfAbsent(key, SourceCache::load);
    }

    private static Entry load(Path key) {
        try {
            if (!Files.isRegularFile(key)) {
                return new Entry(key, null);
            }
            byte[] bytes = Files.readAllBytes(key);
            return new Entry(key, decode(bytes));
        } catch (IOException | SecurityException e) {
            return new Entry(key, null);
        }
    }

    /** ISO-8859-1 maps each byte to one char, so string bytes reach the DTB exactly as dtc copies them. */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Number of cached files (for tests and statistics). */
    public int size() {
        return entries.size();
    }

    /** Forgets everything. */
    public void clear() {
        entries.clear();
    }
}
