package dev.dtprobe.lint.run;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --shard I/N}: the I-th of N disjoint parts of the inputs, for splitting a corpus across
 * CI jobs. The inputs (after directory expansion) are sorted by their normalized path; the
 * file at index k of that order (0-based) belongs to shard {@code k mod N + 1}. Every job sees
 * the same sorted list, so the N shards are disjoint, cover every input, and differ in size by
 * at most one, whatever order the paths were given in.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** Parses {@code I/N} with 1 &lt;= I &lt;= N. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InputException(SourcePos.ofFile("--shard"), "bad shard '" + text + "': expected I/N with 1 <= I <= N, e.g. 2/4");
    }

    /** The inputs of this shard, in the order given. */
    public List<Path> select(List<Path> inputs) {
        if (count == 1) {
            return inputs;
        }
        List<Path> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.comparing(Shard::key));
        Set<Path> mine = new HashSet<>();
        for (int k = 0; k < sorted.size(); k++) {
            if (k % count == index - 1) {
                mine.add(sorted.get(k));
            }
        }
        return inputs.stream().filter(mine::contains).toList();
    }

    private static String key(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
