/**
 * Lint: rules ({@link dev.dtprobe.lint.LintRule}, one class each, declaring a
 * {@link dev.dtprobe.lint.RuleInfo}), the {@link dev.dtprobe.lint.Linter} that walks a tree once
 * for all of them, and rule levels with dtc's flag semantics. dtc's checks live in
 * {@code lint.dtc}, rules that need the boot emulation in {@code lint.probe}. Output formats
 * belong to the report layer; file handling, configuration and suppression to
 * {@code lint.run}.
 */
package dev.dtprobe.lint;
