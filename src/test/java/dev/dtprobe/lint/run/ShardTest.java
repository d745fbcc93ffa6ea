package dev.dtprobe.lint.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {

    private static List<Path> files(int n) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Path.of("arch/arm64/vendor" + (i % 7) + "/board-" + i + ".dts"));
        }
        return out;
    }

    @Test
    void shardsAreDisjointCoverEverythingAndBalance() {
        List<Path> all = files(338);
        for (int n = 1; n <= 7; n++) {
            Set<Path> union = new HashSet<>();
            int total = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int i = 1; i <= n; i++) {
                List<Path> part = new Shard(i, n).select(all);
                total += part.size();
                union.addAll(part);
                min = Math.min(min, part.size());
                max = Math.max(max, part.size());
            }
            assertEquals(338, total, "disjoint: no file in two shards");
            assertEquals(new HashSet<>(all), union, "every file in some shard");
            assertTrue(max - min <= 1, "sizes differ by at most one");
        }
    }

    @Test
    void membershipDoesNotDependOnTheOrderGiven() {
        List<Path> all = files(50);
        List<Path> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        Shard s = Shard.parse("2/3");
        assertEquals(new HashSet<>(s.select(all)), new HashSet<>(s.select(shuffled)));
        // and the shard keeps the order it was given
        List<Path> picked = s.select(shuffled);
        assertEquals(shuffled.stream().filter(picked::contains).toList(), picked);
    }

    @Test
    void theSplitIsIndexModNOfTheSortedList() {
        List<Path> given = List.of(Path.of("c.dts"), Path.of("a.dts"), Path.of("d.dts"), Path.of("b.dts"));
        assertEquals(List.of(Path.of("c.dts"), Path.of("a.dts")), Shard.parse("1/2").select(given)); // a, c
        assertEquals(List.of(Path.of("d.dts"), Path.of("b.dts")), Shard.parse("2/2").select(given)); // b, d
    }

    @Test
    void badSpecsAreInputErrors() {
        for (String bad : List.of("0/2", "3/2", "1", "a/b", "1/0", "1/2/3")) {
            InputException e = assertThrows(InputException.class, () -> Shard.parse(bad));
            assertEquals("--shard", e.pos().file());
        }
    }
}
