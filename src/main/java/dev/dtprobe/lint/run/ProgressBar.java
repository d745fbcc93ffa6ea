package dev.dtprobe.lint.run;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn with carriage returns ({@code [#####-----] 120/338 files}),
 * erased when the run ends so the report starts on a clean line. For terminals only: the
 * caller decides (stderr is a console and CI is not set).
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private int drawnCells = -1;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** Whether a bar makes sense: an interactive console and not a CI job (which sets CI). */
    public static boolean wanted(java.util.Map<String, String> env) {
        return System.console() != null && env.get("CI") == null;
    }

    @Override
    public synchronized void started(int total) {
        draw(0, total);
    }

    @Override
    public synchronized void done(int finished, int total) {
        draw(finished, total);
    }

    @Override
    public synchronized void finished() {
        out.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        out.flush();
    }

    private void draw(int finished, int total) {
        int cells = total == 0 ? WIDTH : finished * WIDTH / total;
        if (cells == drawnCells && finished != total) {
            return; // redraw only when the bar moves, not once per file
        }
        drawnCells = cells;
        out.print("\r[" + "#".repeat(cells) + "-".repeat(WIDTH - cells) + "] " + finished + "/" + total + " files");
        out.flush();
    }
}
