package dev.dtprobe.cli;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.report.BootJson;
import dev.dtprobe.report.BootText;
import dev.dtprobe.report.html.BootHtml;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dtprobe boot}: what Linux does with this device tree at boot. */
@Command(name = "boot",
        mixinStandardHelpOptions = true,
        description = {"Boots a device tree in a simulated Linux driver core and prints the kernel log,",
            "then which devices bound, deferred or failed, their IOMMU groups, and why."},
        footer = {"", "Example:",
            "  dtprobe boot samples/qemu-virt-smmuv3.dts -I samples/include --kernel 6.1",
            "  dtprobe boot board.dts --html report.html --no-log"})
final class BootCommand implements Callable<Integer> {

    @CommandLine.Mixin
    BootOptions options = new BootOptions();

    @Option(names = "--json", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
            description = "Write the whole run as JSON (to FILE, or standard output).")
    String json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write a self-contained HTML report: timeline, dependency graph, IOMMU groups.")
    Path html;

    @Option(names = "--debug", description = "Include dynamic-debug (dbg) log lines.")
    boolean debug;

    @Option(names = "--no-log", description = "Print only the summary.")
    boolean noLog;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BootResult result = options.boot(debug);
        if (json != null) {
            byte[] bytes = BootJson.write(result).getBytes(StandardCharsets.UTF_8);
            if (json.equals("-")) {
                OutputFiles.writeToStdout(bytes);
                return ExitCode.OK;
            }
            OutputFiles.writeAtomically(Path.of(json), bytes);
        }
        if (html != null) {
            OutputFiles.writeAtomically(html, BootHtml.report(result, options.board.getFileName().toString())
                    .getBytes(StandardCharsets.UTF_8));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!noLog) {
            BootText.writeLog(result, out, debug);
        }
        BootText.writeSummary(result, out);
        out.flush();
        return ExitCode.OK;
    }
}
