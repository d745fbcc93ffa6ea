package dev.dtprobe.cli;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.report.graph.DependencyGraph;
import dev.dtprobe.report.graph.DotExport;
import dev.dtprobe.report.graph.MermaidExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dtprobe graph}: the dependency graph of a booted board, for Graphviz or Mermaid. */
@Command(name = "graph",
        mixinStandardHelpOptions = true,
        description = {"Boots a device tree and exports its dependency graph: devices, supplier edges labelled",
            "with the DT property, iommus edges, unbound devices and their blocking chains marked."},
        footer = {"", "Examples:",
            "  dtprobe graph board.dts --format dot | dot -Tsvg -o graph.svg",
            "  dtprobe graph board.dts --format mermaid -o graph.mmd"})
final class GraphCommand implements Callable<Integer> {

    enum Format { dot, mermaid }

    @CommandLine.Mixin
    BootOptions options = new BootOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "dot",
            description = "dot (Graphviz, default) or mermaid (flowchart).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        BootResult result = options.boot();
        DependencyGraph graph = DependencyGraph.of(result);
        String text = switch (format) {
            case dot -> DotExport.write(graph, options.board.getFileName().toString());
            case mermaid -> MermaidExport.write(graph);
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (output == null) {
            OutputFiles.writeToStdout(bytes);
        } else {
            OutputFiles.writeAtomically(output, bytes);
        }
        return ExitCode.OK;
    }
}
