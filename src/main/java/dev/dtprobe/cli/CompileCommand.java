package dev.dtprobe.cli;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import dev.dtprobe.frontend.dts.DtsWriter;
import dev.dtprobe.frontend.overlay.OverlayApplier;
import dev.dtprobe.report.TreeJson;
import dev.dtprobe.tree.DeviceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtprobe compile}: what kbuild's cpp + dtc do, in one process, with dtc's output. */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        description = {"Compiles a DTS (preprocessed like kbuild does) or reads a DTB, and writes",
            "it as DTB, DTS or JSON. The DTB is byte-for-byte what dtc 1.6.1 writes."},
        footer = {"", "Example:",
            "  dtprobe compile board.dts -I include -O dtb -o board.dtb",
            "  dtprobe compile board.dtb --overlay camera.dtbo -o board-camera.dtb"})
final class CompileCommand implements Callable<Integer> {

    enum Format { dtb, dts, json }

    @Parameters(index = "0", paramLabel = "IN", description = "Input .dts or .dtb file.")
    Path input;

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @Option(names = {"-O", "--out-format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: from -o's extension, else dts).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Output file (default: standard output).")
    Path output;

    @Option(names = {"-@", "--symbols"}, description = "Add /__symbols__ for overlays, as dtc -@ does.")
    boolean symbols;

    @Option(names = {"-b", "--boot-cpu"}, paramLabel = "CPU",
            description = "Boot CPU id in the DTB header (kbuild passes 0; default: reg of the first cpu).")
    Long bootCpu;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Option(names = "--overlay", paramLabel = "OVERLAY",
            description = {"Apply an overlay (.dtbo, or a /plugin/ .dts) to the tree as fdtoverlay does;",
                "repeatable, applied in order. A .dts base is then compiled with -@."})
    List<Path> overlays = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TreeLoader loader = new TreeLoader(inputOptions.toLoadOptions(symbols || !overlays.isEmpty(), bootCpu));
        LoadedTree loaded = loader.load(input);
        List<Diagnostic> warnings = new ArrayList<>(loaded.warnings());
        DeviceTree tree = loaded.tree();
        for (Path overlay : overlays) {
            LoadedTree o = new TreeLoader(inputOptions.toLoadOptions(false, null)).load(overlay);
            warnings.addAll(o.warnings());
            OverlayApplier.apply(tree, o.tree(), overlay.toString());
        }
        if (!quiet) {
            for (Diagnostic d : warnings) {
                spec.commandLine().getErr().println(d.render());
            }
            spec.commandLine().getErr().flush();
        }
        byte[] bytes = render(tree, effectiveFormat());
        if (output == null) {
            OutputFiles.writeToStdout(bytes);
        } else {
            OutputFiles.writeAtomically(output, bytes);
        }
        return ExitCode.OK;
    }

    private Format effectiveFormat() {
        if (format != null) {
            return format;
        }
        if (output != null) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".dtb") || name.endsWith(".dtbo")) {
                return Format.dtb;
            }
            if (name.endsWith(".json")) {
                return Format.json;
            }
        }
        return Format.dts;
    }

    private static byte[] render(DeviceTree tree, Format format) {
        return switch (format) {
            case dtb -> DtbWriter.write(tree);
            case dts -> DtsWriter.write(tree).getBytes(StandardCharsets.ISO_8859_1);
            case json -> TreeJson.write(tree).getBytes(StandardCharsets.UTF_8);
        };
    }

}
