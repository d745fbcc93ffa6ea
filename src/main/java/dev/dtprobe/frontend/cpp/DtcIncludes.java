package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** dtc's own {@code /include/ "file"}: splices the raw file content into the cpp output. */
final class DtcIncludes {
    static final int MAX_DEPTH = 200;
    private static final String KEY = "/include/";

    record Result(String text, SegmentMap map) {
    }

    private DtcIncludes() {
    }

    static Result splice(String text, SegmentMap map, PreprocessorOptions options, SourceCache cache,
            Set<Path> files) {
        if (text.indexOf(KEY) < 0) {
            return new Result(text, map);
        }
        return splice(text, map, options, cache, files, 1);
    }

    private static Result splice(String text, SegmentMap map, PreprocessorOptions options, SourceCache cache,
            Set<Path> files, int depth) {
        if (text.indexOf(KEY) < 0) {
            return new Result(text, map);
        }
        StringBuilder out = new StringBuilder(text.length() + 1024);
        SegmentMap nm = new SegmentMap();
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipString(text, i);
                continue;
            }
            if (c == '\'' && i + 2 < n && text.charAt(i + 2) == '\'' && text.charAt(i + 1) != '\\') {
                i += 3;
                continue;
            }
            if (c == '/' && i + 1 < n) {
                char d = text.charAt(i + 1);
                if (d == '*') {
                    int e = text.indexOf("*/", i + 2);
                    i = e < 0 ? n : e + 2;
                    continue;
                }
                if (d == '/') {
                    int e = text.indexOf('\n', i + 2);
                    i = e < 0 ? n : e;
                    continue;
                }
                if (text.startsWith(KEY, i)) {
                    int j = i + KEY.length();
                    while (j < n && Character.isWhitespace(text.charAt(j))) {
                        j++;
                    }
                    if (j < n && text.charAt(j) == '"') {
                        int e = skipString(text, j);
                        if (e <= n && text.charAt(e - 1) == '"' && e - 1 > j) {
                            String name = text.substring(j + 1, e - 1);
                            // copy text before the /include/
                            nm.copyRange(map, copied, i, out.length());
                            out.append(text, copied, i);
                            int at = out.length();
                            nm.copyRange(map, i, i + 1, at);
                            out.append('\n');
                            insertFile(name, i, text, map, options, cache, files, depth, out, nm);
                            int after = out.length();
                            nm.copyRange(map, i, i + 1, after);
                            out.append('\n');
                            copied = e;
                            i = e;
                            continue;
                        }
                    }
                }
            }
            i++;
        }
        nm.copyRange(map, copied, n, out.length());
        out.append(text, copied, n);
        return new Result(out.toString(), nm);
    }

    private static int skipString(String s, int i) {
        int n = s.length();
        int j = i + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            j++;
            if (c == '"') {
                return j;
            }
        }
        return n;
    }

    private static void insertFile(String name, int at, String text, SegmentMap map, PreprocessorOptions options,
            SourceCache cache, Set<Path> files, int depth, StringBuilder out, SegmentMap nm) {
        if (depth >= MAX_DEPTH) {
            throw new InputException(map.posAt(at), "Includes nested too deeply");
        }
        Path found = null;
        SourceCache.Entry entry = null;
        Path np;
        try {
            np = Path.of(name);
        } catch (RuntimeException ex) {
            throw new InputException(map.posAt(at), "Couldn't open \"" + name + "\": No such file or directory");
        }
        if (np.isAbsolute()) {
            SourceCache.Entry en = cache.get(np);
            if (en.text != null) {
                found = np;
                entry = en;
            }
        } else {
            Path including = map.pathAt(at);
            Path parent = including == null ? null : including.getParent();
            Path cand = parent == null ? np : parent.resolve(np);
            SourceCache.Entry en = cache.get(cand);
            if (en.text != null) {
                found = cand;
                entry = en;
            }
            List<Path> dirs = options.includeDirs();
            for (int k = 0; found == null && k < dirs.size(); k++) {
                cand = dirs.get(k).resolve(np);
                en = cache.get(cand);
                if (en.text != null) {
                    found = cand;
                    entry = en;
                }
            }
        }
        if (found == null) {
            throw new InputException(map.posAt(at), "Couldn't open \"" + name + "\": No such file or directory");
        }
        files.add(found);
        String raw = entry.text;
        SegmentMap rm = new SegmentMap();
        int fid = rm.fileId(found.toString(), found);
        int[] ls = entry.lineStarts();
        for (int k = 0; k < ls.length; k++) {
            rm.add(ls[k], fid, k + 1, 1, false);
        }
        Result inner = splice(raw, rm, options, cache, files, depth + 1);
        nm.copyRange(inner.map(), 0, inner.text().length(), out.length());
        out.append(inner.text());
    }
}
