package dev.dtprobe.driver;

/**
 * Initcall levels in the order the kernel runs them. Device-tree devices are created at
 * {@code arch_initcall_sync}, between {@link #ARCH} and {@link #SUBSYS}; built-in
 * {@code module_init} drivers register at {@link #DEVICE}; {@code deferred_probe_initcall}
 * runs at {@link #LATE}. {@link #MODULE} is a driver loaded later by user space.
 */
public enum InitcallLevel {
    PURE, CORE, POSTCORE, ARCH, SUBSYS, FS, ROOTFS, DEVICE, LATE, MODULE
}
