package dev.dtprobe.cli;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** The options of every command that boots one board ({@code boot}, {@code why}, {@code dma}). */
final class BootOptions {

    @Parameters(index = "0", paramLabel = "BOARD", description = "The board: a .dts or .dtb file.")
    Path board;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    SimulationOptions simulation = new SimulationOptions();

    BootResult boot(boolean debugLog) {
        LoadedTree loaded = new TreeLoader(input.toLoadOptions(false, null)).load(board);
        return simulation.simulation().withDebugLog(debugLog).run(loaded.tree());
    }

    BootResult boot() {
        return boot(false);
    }
}
