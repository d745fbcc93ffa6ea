package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.SourcePos;
import java.util.Arrays;

/** Line-start offsets of a text, to turn offsets into line and column. */
final class LineIndex {
    private LineIndex() {
    }

    static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    static SourcePos pos(String file, int[] lineStarts, int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        return new SourcePos(file, line + 1, offset - lineStarts[line] + 1);
    }
}
