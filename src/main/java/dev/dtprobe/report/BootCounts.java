package dev.dtprobe.report;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;

/**
 * The summary figures of a boot, counted once for the text and HTML reports.
 *
 * @param deferred devices still on a deferred-probe list at the end
 */
public record BootCounts(int devices, int bound, int boundAfterTimeout, int deferred, int failed, int noDriver,
        int buses) {

    public static BootCounts of(BootResult r) {
        int[] n = new int[DeviceOutcome.values().length];
        for (Device d : r.devices()) {
            n[DeviceOutcome.of(r, d).ordinal()]++;
        }
        return new BootCounts(r.devices().size(), n[DeviceOutcome.BOUND.ordinal()], r.boundAfterTimeout().size(),
                n[DeviceOutcome.DEFERRED.ordinal()], n[DeviceOutcome.FAILED.ordinal()],
                n[DeviceOutcome.NO_DRIVER.ordinal()], n[DeviceOutcome.BUS.ordinal()]);
    }
}
