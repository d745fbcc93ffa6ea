package dev.dtprobe.report.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered (Sugiyama-style) layout of a dependency graph, computed here so reports need no
 * layout engine: edges that close a cycle are set aside, every vertex goes one layer past its
 * deepest supplier (longest-path layering, so suppliers sit left of their consumers), and a few
 * barycentric sweeps order each layer to cut edge crossings.
 */
public final class LayeredLayout {
    private static final int SWEEPS = 4;

    private final List<List<String>> layers;
    private final Map<String, Integer> layerOf;
    private final Set<DependencyGraph.Edge> cycleEdges;

    private LayeredLayout(List<List<String>> layers, Map<String, Integer> layerOf, Set<DependencyGraph.Edge> cycleEdges) {
        this.layers = layers;
        this.layerOf = layerOf;
        this.cycleEdges = cycleEdges;
    }

    /** The layers, suppliers first; each lists vertex ids top to bottom. */
    public List<List<String>> layers() {
        return layers;
    }

    public int layer(String id) {
        return layerOf.get(id);
    }

    /** Edges left out of the layering because they close a dependency cycle. */
    public boolean closesCycle(DependencyGraph.Edge e) {
        return cycleEdges.contains(e);
    }

    public static LayeredLayout of(DependencyGraph g) {
        List<DependencyGraph.Vertex> vs = g.vertices();
        int n = vs.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(vs.get(i).id(), i);
        }
        List<List<Integer>> suppliers = new ArrayList<>();
        List<List<Integer>> consumers = new ArrayList<>();
        List<List<DependencyGraph.Edge>> outEdges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            suppliers.add(new ArrayList<>());
            consumers.add(new ArrayList<>());
            outEdges.add(new ArrayList<>());
        }
        for (DependencyGraph.Edge e : g.edges()) {
            outEdges.get(index.get(e.consumer())).add(e);
        }
        // iterative DFS along consumer -> supplier edges: back edges close cycles; post-order
        // finishes every supplier before its consumers
        Set<DependencyGraph.Edge> cycle = new HashSet<>();
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        int[] next = new int[n];
        List<Integer> postOrder = new ArrayList<>(n);
        int[] stack = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int sp = 0;
            stack[sp++] = root;
            state[root] = 1;
            while (sp > 0) {
                int v = stack[sp - 1];
                if (next[v] < outEdges.get(v).size()) {
                    DependencyGraph.Edge e = outEdges.get(v).get(next[v]++);
                    int w = index.get(e.supplier());
                    if (state[w] == 1) {
                        cycle.add(e);
                    } else {
                        suppliers.get(v).add(w);
                        consumers.get(w).add(v);
                        if (state[w] == 0) {
                            state[w] = 1;
                            stack[sp++] = w;
                        }
                    }
                } else {
                    state[v] = 2;
                    postOrder.add(v);
                    sp--;
                }
            }
        }
        int[] layer = new int[n];
        int maxLayer = 0;
        for (int v : postOrder) {
            for (int s : suppliers.get(v)) {
                layer[v] = Math.max(layer[v], layer[s] + 1);
            }
            maxLayer = Math.max(maxLayer, layer[v]);
        }
        List<List<Integer>> columns = new ArrayList<>();
        for (int l = 0; l <= maxLayer; l++) {
            columns.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            columns.get(layer[i]).add(i);
        }
        order(columns, suppliers, consumers, n);
        List<List<String>> layers = new ArrayList<>();
        Map<String, Integer> layerOf = new HashMap<>();
        for (List<Integer> col : columns) {
            List<String> ids = new ArrayList<>(col.size());
            for (int v : col) {
                ids.add(vs.get(v).id());
                layerOf.put(vs.get(v).id(), layer[v]);
            }
            layers.add(List.copyOf(ids));
        }
        if (n == 0) {
            layers.clear();
        }
        return new LayeredLayout(List.copyOf(layers), layerOf, cycle);
    }

    /** Barycentric sweeps: left to right by suppliers' positions, then right to left by consumers'. */
    private static void order(List<List<Integer>> columns, List<List<Integer>> suppliers,
            List<List<Integer>> consumers, int n) {
        double[] pos = new double[n];
        placeAll(columns, pos);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int l = 1; l < columns.size(); l++) {
                reorder(columns.get(l), suppliers, pos);
            }
            for (int l = columns.size() - 2; l >= 0; l--) {
                reorder(columns.get(l), consumers, pos);
            }
        }
    }

    private static void reorder(List<Integer> column, List<List<Integer>> neighbours, double[] pos) {
        Map<Integer, Double> key = new HashMap<>();
        for (int v : column) {
            List<Integer> ns = neighbours.get(v);
            if (ns.isEmpty()) {
                key.put(v, pos[v]); // no pull: keep the current place
            } else {
                double sum = 0;
                for (int w : ns) {
                    sum += pos[w];
                }
                key.put(v, sum / ns.size());
            }
        }
        column.sort(Comparator.comparingDouble(key::get)); // stable: ties keep the current order
        for (int i = 0; i < column.size(); i++) {
            pos[column.get(i)] = i;
        }
    }

    private static void placeAll(List<List<Integer>> columns, double[] pos) {
        Arrays.fill(pos, 0);
        for (List<Integer> col : columns) {
            for (int i = 0; i < col.size(); i++) {
                pos[col.get(i)] = i;
            }
        }
    }
}
