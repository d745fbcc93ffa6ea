package dev.dtprobe.lint.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void redrawsOnlyWhenTheBarMovesAndErasesItself() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.started(300);
        for (int i = 1; i <= 300; i++) {
            bar.done(i, 300);
        }
        bar.finished();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] frames = out.split("\r", -1);
        // "" before the first \r, the 0/300 frame, 30 cell steps, the erase, "" after the last \r
        assertEquals(1 + 1 + 30 + 1 + 1, frames.length, out);
        assertEquals("[" + "-".repeat(30) + "] 0/300 files", frames[1]);
        assertEquals("[" + "#".repeat(15) + "-".repeat(15) + "] 150/300 files", frames[16]);
        assertEquals("[" + "#".repeat(30) + "] 300/300 files", frames[31]);
        assertTrue(frames[32].isBlank(), "the line is cleared for the report");
    }
}
