package dev.dtprobe.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bind-order moves are the fewest that explain the new order: n minus the longest common subsequence. */
class BindOrderTest {

    @Test
    void sameOrderHasNoMoves() {
        assertEquals(List.of(), BindOrder.moves(List.of("a", "b", "c"), List.of("a", "b", "c")));
    }

    @Test
    void oneDeviceMovedToTheEndIsOneMoveWithItsNeighbours() {
        List<BindOrder.Move> m = BindOrder.moves(List.of("dpu", "iommu", "cru", "mmc"), List.of("iommu", "cru", "mmc", "dpu"));
        assertEquals(List.of(new BindOrder.Move("dpu", "mmc", null, null, "iommu")), m);
    }

    @Test
    void aSwapIsOneMove() {
        List<BindOrder.Move> m = BindOrder.moves(List.of("a", "b", "c", "d"), List.of("a", "c", "b", "d"));
        assertEquals(1, m.size());
        // patience sorting replaces a tail by a smaller value: b replaces c, so b is kept and c moved
        assertEquals(new BindOrder.Move("c", "a", "b", "b", "d"), m.get(0));
    }

    @Test
    void aReversalMovesAllButOne() {
        List<String> a = List.of("a", "b", "c", "d", "e");
        List<String> b = new ArrayList<>(a);
        Collections.reverse(b);
        assertEquals(4, BindOrder.moves(a, b).size());
    }

    @Test
    void movesAreMinimalOnRandomPermutations() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(12);
            List<String> a = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                a.add("d" + i);
            }
            List<String> b = new ArrayList<>(a);
            Collections.shuffle(b, random);
            List<BindOrder.Move> moves = BindOrder.moves(a, b);
            assertEquals(n - lcsLength(a, b), moves.size(), a + " -> " + b);
            // what stays is in A's relative order, so moving only these devices gives B
            Set<String> moved = new HashSet<>();
            moves.forEach(m -> moved.add(m.device()));
            List<String> keptA = new ArrayList<>(a);
            keptA.removeAll(moved);
            List<String> keptB = new ArrayList<>(b);
            keptB.removeAll(moved);
            assertEquals(keptA, keptB);
        }
    }

    /** The textbook O(n*m) dynamic programme, as the reference. */
    private static int lcsLength(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? 1 + t[i + 1][j + 1] : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
