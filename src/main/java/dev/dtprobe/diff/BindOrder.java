package dev.dtprobe.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The smallest set of devices whose moves turn one bind order into the other. Both orders hold
 * the same devices (those bound in both boots), each once, so their longest common subsequence is
 * the longest increasing subsequence of B's order written as positions in A's order
 * (Hunt-Szymanski's reduction; O(n log n) by patience sorting). Everything outside it moved, and
 * nothing fewer can explain the new order: a device kept in place by every shorter answer would
 * give a longer common subsequence.
 */
public final class BindOrder {
    private BindOrder() {
    }

    /**
     * A device that moved, with its neighbours in each order (null at either end).
     *
     * @param after     the device bound just before it in B
     * @param before    the device bound just after it in B
     * @param wasAfter  the device bound just before it in A
     * @param wasBefore the device bound just after it in A
     */
    public record Move(String device, String after, String before, String wasAfter, String wasBefore) {
    }

    /** The moves, in B's order. {@code b} must be a permutation of {@code a}. */
    public static List<Move> moves(List<String> a, List<String> b) {
        if (a.size() != b.size() || !new HashSet<>(a).equals(new HashSet<>(b)) || new HashSet<>(a).size() != a.size()) {
            throw new IllegalArgumentException("bind orders must hold the same distinct devices");
        }
        Map<String, Integer> posInA = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            posInA.put(a.get(i), i);
        }
        int[] seq = new int[b.size()];
        for (int i = 0; i < b.size(); i++) {
            seq[i] = posInA.get(b.get(i));
        }
        Set<Integer> kept = longestIncreasing(seq);
        List<Move> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            if (!kept.contains(i)) {
                int j = seq[i];
                out.add(new Move(b.get(i), i > 0 ? b.get(i - 1) : null, i + 1 < b.size() ? b.get(i + 1) : null,
                        j > 0 ? a.get(j - 1) : null, j + 1 < a.size() ? a.get(j + 1) : null));
            }
        }
        return out;
    }

    /** Indexes (into seq) of one longest strictly increasing subsequence; ties keep the earliest tails. */
    static Set<Integer> longestIncreasing(int[] seq) {
        int n = seq.length;
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seq[tailIndex[mid]] < seq[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        Set<Integer> kept = new HashSet<>();
        for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) {
            kept.add(i);
        }
        return kept;
    }
}
