package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.InputErrors;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.frontend.dts.grammar.DtsParser;
import dev.dtprobe.tree.DeviceTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns preprocessed DTS text into the tree dtc would output: parse, build and merge, run the
 * error checks and fix-ups, then add the generated nodes ({@code -@}, overlay fix-ups).
 */
public final class DtsCompiler {
    private final IncbinLoader incbin;
    private final boolean symbols;
    private final boolean force;

    /**
     * @param incbin  where {@code /incbin/} files are searched
     * @param symbols dtc's {@code -@}: add {@code /__symbols__} and phandles for labelled nodes
     */
    public DtsCompiler(IncbinLoader incbin, boolean symbols) {
        this(incbin, symbols, false);
    }

    /**
     * @param force dtc's {@code -f}: return a tree that fails dtc's error checks, with the errors
     *              among the diagnostics, instead of throwing (lint reports them as findings)
     */
    public DtsCompiler(IncbinLoader incbin, boolean symbols, boolean force) {
        this.incbin = incbin;
        this.symbols = symbols;
        this.force = force;
    }

    /**
     * The compiled tree and its warnings; throws {@link InputErrors} if dtc would refuse it
     * (unless forced).
     */
    public Result compile(String text, SourceMapping map) {
        DtsParser.DtsFileContext parsed = DtsParsing.parse(text, map);
        DeviceTree tree = new TreeBuilder(map, incbin).build(parsed);

        List<Diagnostic> diagnostics = new ArrayList<>();
        StructuralChecks.run(tree, diagnostics);
        PhandleAllocator phandles = new PhandleAllocator();
        References refs = new References(tree);
        new Fixups(tree, refs, phandles, symbols, diagnostics).run();
        if (!force) {
            failOnErrors(diagnostics);
        }

        GeneratedNodes generated = new GeneratedNodes(tree, refs, phandles, diagnostics);
        if (symbols) {
            generated.symbols();
        }
        if (tree.isPlugin()) {
            generated.overlayFixups();
        }
        return new Result(tree, List.copyOf(diagnostics));
    }

    private static void failOnErrors(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                errors.add(d);
            }
        }
        if (!errors.isEmpty()) {
            throw new InputErrors(errors);
        }
    }

    /** A compiled tree and the non-fatal diagnostics met on the way. */
    public record Result(DeviceTree tree, List<Diagnostic> diagnostics) {
    }
}
