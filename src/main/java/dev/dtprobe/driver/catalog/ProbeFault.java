package dev.dtprobe.driver.catalog;

/**
 * An injected probe behaviour for one driver: the probe first returns -EPROBE_DEFER
 * {@code deferTimes} times (on any device of that driver, counted per device), then returns
 * {@code failErrno} if that is set, and otherwise behaves normally.
 *
 * @param failErrno  negative errno the probe returns after the deferrals (for example -22), or null
 * @param deferTimes how many probe attempts return -EPROBE_DEFER first (0 = none)
 */
public record ProbeFault(Integer failErrno, int deferTimes) {

    public ProbeFault {
        if (failErrno != null && failErrno >= 0) {
            throw new IllegalArgumentException("failErrno must be negative: " + failErrno);
        }
        if (deferTimes < 0) {
            throw new IllegalArgumentException("deferTimes must not be negative: " + deferTimes);
        }
    }

    /** Combines two faults for the same driver: the later one's set parts win. */
    ProbeFault combine(ProbeFault later) {
        return new ProbeFault(later.failErrno != null ? later.failErrno : failErrno,
                later.deferTimes != 0 ? later.deferTimes : deferTimes);
    }
}
