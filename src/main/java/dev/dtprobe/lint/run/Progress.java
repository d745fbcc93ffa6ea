package dev.dtprobe.lint.run;

/** Told as inputs finish (from worker threads), for a progress display. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void started(int total) {
        }

        @Override
        public void done(int finished, int total) {
        }

        @Override
        public void finished() {
        }
    };

    void started(int total);

    /** {@code finished} of {@code total} inputs are done (called once per input, in any order). */
    void done(int finished, int total);

    void finished();
}
