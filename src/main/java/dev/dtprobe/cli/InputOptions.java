package dev.dtprobe.cli;

import dev.dtprobe.frontend.LoadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The preprocessor options every command that reads a board takes, named as cpp names them. */
final class InputOptions {

    @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include path (searched in order).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "SYM[=VAL]", description = "Define a preprocessor macro.")
    List<String> defines = new ArrayList<>();

    @Option(names = "-U", paramLabel = "SYM", description = "Undefine a preprocessor macro.")
    List<String> undefs = new ArrayList<>();

    LoadOptions toLoadOptions(boolean symbols, Long bootCpuid) {
        return new LoadOptions(includeDirs, defines, undefs, symbols, bootCpuid);
    }
}
