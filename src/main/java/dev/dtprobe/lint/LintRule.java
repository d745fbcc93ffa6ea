package dev.dtprobe.lint;

import dev.dtprobe.tree.Node;

/**
 * One lint rule. Rules never walk the tree: the {@link Linter} visits every live node in
 * depth-first pre-order (dtc's order) and calls {@link #visitNode} on each, then
 * {@link #finish} once, for rules that judge the tree or the boot as a whole.
 * Rules keep no state of their own (one instance serves every file, in parallel); state for
 * one run goes in {@link LintContext#shared}.
 */
public abstract class LintRule {

    /** The rule's declaration; must return the same value every time. */
    public abstract RuleInfo info();

    /** Called for every live node, parents before children. */
    public void visitNode(Node node, LintContext ctx) {
    }

    /** Called after the walk. */
    public void finish(LintContext ctx) {
    }

    public final String id() {
        return info().id();
    }

    @Override
    public String toString() {
        return id();
    }
}
