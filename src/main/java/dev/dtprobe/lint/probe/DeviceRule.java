package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.tree.Node;

/**
 * A rule about what the boot made of one node: visited only for nodes that became devices,
 * and only in runs that boot.
 */
abstract class DeviceRule extends LintRule {

    @Override
    public final void visitNode(Node node, LintContext ctx) {
        if (!ctx.canBoot()) {
            return;
        }
        BootResult boot = ctx.boot();
        Device device = boot.device(node);
        if (device != null) {
            visitDevice(node, device, boot, ctx);
        }
    }

    /** Called for each node that the boot turned into {@code device}. */
    protected abstract void visitDevice(Node node, Device d, BootResult boot, LintContext ctx);
}
