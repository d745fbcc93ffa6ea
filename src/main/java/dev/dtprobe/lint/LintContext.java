package dev.dtprobe.lint;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a rule sees of one lint run: the tree, its device graph and simulated boot (both built
 * on first use, so trees linted only with dtc's checks never boot), and where to report.
 * The {@link Linter} tells the context which rule is running before each call.
 */
public final class LintContext {
    private final DeviceTree tree;
    private final String file;
    private final Function<DeviceTree, BootResult> booter;
    private final List<Diagnostic> frontEnd;
    private final Map<String, List<Finding>> findingsByRule = new HashMap<>();
    private final Map<Class<?>, Object> shared = new HashMap<>();
    private DeviceGraph graph;
    private BootResult boot;
    private LintRule current;

    /**
     * @param tree   the tree to lint
     * @param file   the input's display name, used where a finding has no source position
     * @param booter boots the tree for probe-aware rules; null when no boot is possible
     */
    public LintContext(DeviceTree tree, String file, Function<DeviceTree, BootResult> booter) {
        this(tree, file, booter, List.of());
    }

    /**
     * @param frontEnd what the front end reported while loading the tree (forced, so dtc's error
     *                 checks are among them with their dtc check names)
     */
    public LintContext(DeviceTree tree, String file, Function<DeviceTree, BootResult> booter,
            List<Diagnostic> frontEnd) {
        this.tree = tree;
        this.file = file;
        this.booter = booter;
        this.frontEnd = List.copyOf(frontEnd);
    }

    /** The front end's diagnostics for this tree (see the constructor). */
    public List<Diagnostic> frontEndDiagnostics() {
        return frontEnd;
    }

    public DeviceTree tree() {
        return tree;
    }

    public String file() {
        return file;
    }

    public boolean isPlugin() {
        return tree.isPlugin();
    }

    public DeviceGraph graph() {
        if (graph == null) {
            graph = new DeviceGraph(tree);
        }
        return graph;
    }

    /** Whether {@link #boot()} can answer (the run was given a kernel profile and catalog). */
    public boolean canBoot() {
        return booter != null;
    }

    /** The simulated boot of this tree, run once on first use. */
    public BootResult boot() {
        if (boot == null) {
            if (booter == null) {
                throw new IllegalStateException("this lint run has no boot emulation");
            }
            boot = booter.apply(tree);
        }
        return boot;
    }

    /**
     * State several rules compute alike (for example each node's bus type), built once per run
     * by {@code factory} and keyed by its class.
     */
    public <T> T shared(Class<T> type, Function<LintContext, T> factory) {
        Object value = shared.get(type);
        if (value == null) {
            value = factory.apply(this);
            shared.put(type, value);
        }
        return type.cast(value);
    }

    /** Reports a finding on a node, at the node's position. */
    public void report(Node node, String message) {
        add(new Finding(current.id(), null, position(node.pos()), node.path(), null, message));
    }

    /** Reports a finding on a property, at the property's position. */
    public void report(Node node, Property property, String message) {
        add(new Finding(current.id(), null, position(property.pos()), node.path(), property.name(), message));
    }

    /** Reports a finding on a property that may be absent (then at the node). */
    public void report(Node node, String property, String message) {
        Property p = property == null ? null : node.property(property);
        if (p == null) {
            add(new Finding(current.id(), null, position(node.pos()), node.path(), property, message));
        } else {
            report(node, p, message);
        }
    }

    /** Whether the rule with this id has reported anything so far in this run. */
    public boolean hasFindings(String ruleId) {
        List<Finding> list = findingsByRule.get(ruleId);
        return list != null && !list.isEmpty();
    }

    void setCurrent(LintRule rule) {
        this.current = rule;
    }

    List<Finding> findingsOf(String ruleId) {
        return findingsByRule.getOrDefault(ruleId, List.of());
    }

    private void add(Finding f) {
        findingsByRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    }

    private SourcePos position(SourcePos pos) {
        return pos == null || pos == SourcePos.UNKNOWN ? SourcePos.ofFile(file) : pos;
    }
}
