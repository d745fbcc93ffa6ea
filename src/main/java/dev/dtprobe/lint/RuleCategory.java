package dev.dtprobe.lint;

/** Where a rule comes from: one of dtc's checks, the boot emulation, or the lint run itself. */
public enum RuleCategory {
    /** A check from dtc's {@code checks.c}; its dtc name works as an alias. */
    DTC,
    /** A rule that needs the simulated boot (driver core, fw_devlink, IOMMU core). */
    PROBE,
    /** About the lint run itself (for example a suppression comment naming no rule). */
    LINT
}
