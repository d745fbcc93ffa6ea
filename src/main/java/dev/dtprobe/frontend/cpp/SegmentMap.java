package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Maps offsets of generated text to source positions. Each segment starts at an output offset
 * and has a file, line and column; a "straight" segment advances the column with the offset, a
 * "fixed" one (macro expansion) maps all its characters to the same position.
 */
final class SegmentMap {
    /** File names as displayed, and the physical path used to resolve relative includes. */
    final List<String> names = new ArrayList<>();
    final List<Path> paths = new ArrayList<>();
    private final HashMap<String, Integer> ids = new HashMap<>();

    int[] off = new int[256];
    int[] file = new int[256];
    int[] line = new int[256];
    int[] col = new int[256]; // negative: fixed
    int count;

    int fileId(String name, Path path) {
        String key = name + '\0' + path;
        Integer id = ids.get(key);
        if (id == null) {
            id = names.size();
            names.add(name);
            paths.add(path);
            ids.put(key, id);
        }
        return id;
    }

    void add(int offset, int fileId, int ln, int column, boolean fixed) {
        if (count > 0) {
            int k = count - 1;
            if (off[k] == offset) {
                count--; // replace an empty segment
            } else if (file[k] == fileId && line[k] == ln) {
                if (fixed ? col[k] == -column : (col[k] > 0 && col[k] + (offset - off[k]) == column)) {
                    return; // continues the previous segment exactly
                }
            }
        }
        if (count == off.length) {
            int nl = count * 2;
            off = Arrays.copyOf(off, nl);
            file = Arrays.copyOf(file, nl);
            line = Arrays.copyOf(line, nl);
            col = Arrays.copyOf(col, nl);
        }
        off[count] = offset;
        file[count] = fileId;
        line[count] = ln;
        col[count] = fixed ? -column : column;
        count++;
    }

    int find(int offset) {
        int lo = 0, hi = count - 1, r = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (off[mid] <= offset) {
                r = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return r;
    }

    SourcePos posAt(int offset) {
        int k = find(offset);
        if (k < 0) {
            if (count == 0) {
                return SourcePos.UNKNOWN;
            }
            k = 0;
            offset = off[0];
        }
        int c = col[k];
        int column = c < 0 ? -c : c + (offset - off[k]);
        return new SourcePos(names.get(file[k]), line[k], column);
    }

    /** Physical path of the file the character at offset came from (null if unknown). */
    Path pathAt(int offset) {
        int k = find(offset);
        return k < 0 ? null : paths.get(file[k]);
    }

    /** Copies the mapping of src's range [from,to) so that it starts at dest offset {@code at}. */
    void copyRange(SegmentMap src, int from, int to, int at) {
        if (from >= to) {
            return;
        }
        int k = src.find(from);
        if (k < 0) {
            k = 0;
        }
        if (k >= src.count) {
            return;
        }
        int id = fileId(src.names.get(src.file[k]), src.paths.get(src.file[k]));
        int c = src.col[k];
        int column = c < 0 ? c : c + Math.max(0, from - src.off[k]);
        addRaw(at, id, src.line[k], column);
        for (int j = k + 1; j < src.count && src.off[j] < to; j++) {
            int fid = fileId(src.names.get(src.file[j]), src.paths.get(src.file[j]));
            addRaw(at + (src.off[j] - from), fid, src.line[j], src.col[j]);
        }
    }

    private void addRaw(int offset, int fileId, int ln, int signedCol) {
        add(offset, fileId, ln, Math.abs(signedCol), signedCol < 0);
    }
}
