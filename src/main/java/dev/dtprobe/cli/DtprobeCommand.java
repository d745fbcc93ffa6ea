package dev.dtprobe.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; it only dispatches to subcommands. */
@Command(name = "dtprobe",
        mixinStandardHelpOptions = true,
        versionProvider = DtprobeCommand.Version.class,
        description = "Boots a device tree the way the Linux driver core would, without hardware.",
        subcommands = {BootCommand.class, LintCommand.class, WhyCommand.class, DiffCommand.class, GraphCommand.class,
            DmaCommand.class, CompileCommand.class, BenchCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:findings at or above the failure threshold",
            "2:bad input or usage",
            "3:internal error"})
public final class DtprobeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The version Maven filtered into the jar ("unknown" when run from classes without it). */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = DtprobeCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dtprobe " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
