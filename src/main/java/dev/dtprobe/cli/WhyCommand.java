package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.WhyChain;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dtprobe why BOARD DEVICE}: the chain of reasons for one device. */
@Command(name = "why",
        mixinStandardHelpOptions = true,
        description = "Explains one device: what it waited for, down to the root cause.",
        footer = {"", "DEVICE is a device name (2000.mmc), a node path (/soc/mmc@2000), a node name or a label.",
            "", "Example:", "  dtprobe why board.dts /soc/mmc@2000"})
final class WhyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    BootOptions options = new BootOptions();

    @Parameters(index = "1", paramLabel = "DEVICE", description = "The device to explain.")
    String device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BootResult result = options.boot();
        Device d = result.find(device);
        if (d == null) {
            throw new InputException(SourcePos.ofFile(options.board.toString()),
                    "no device '" + device + "' in this boot (use a device name, node path, node name or label)");
        }
        WhyChain why = result.why(d);
        PrintWriter out = spec.commandLine().getOut();
        out.println(why.oneLine());
        for (WhyChain.Step s : why.steps()) {
            out.println("  " + s.who() + ": " + s.what());
        }
        out.flush();
        return ExitCode.OK;
    }
}
