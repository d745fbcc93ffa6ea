package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs the command line and maps every failure to an exit code, never a trace. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs dtprobe as the command line would and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs dtprobe with its text output and errors sent to the given writers (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        return withHandlers(new CommandLine(new DtprobeCommand()));
    }

    /** Installs dtprobe's error handling (one line, an exit code, no trace) on a command line. */
    static CommandLine withHandlers(CommandLine cmd) {
        cmd.setExecutionExceptionHandler(Main::handleException);
        cmd.setParameterExceptionHandler(Main::handleUsageError);
        return cmd;
    }

    private static int handleException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof InputException input) {
            err.println(input.render());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        err.println("dtprobe: internal error: " + e);
        if (System.getenv("DTPROBE_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("dtprobe: this is a bug; rerun with DTPROBE_DEBUG=1 for details and report it");
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("dtprobe: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}
