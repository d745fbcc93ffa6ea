/**
 * The driver catalog: which kernel driver binds which compatible, at which initcall level and
 * link order, built in or module, and what its probe acquires. {@link
 * dev.dtprobe.driver.catalog.DriverCatalog#bundled()} covers the common compatibles of the Linux
 * v5.7 arm64 device trees; user catalogs (JSON/YAML), a kernel {@code .config} and command-line
 * fault injection adjust it. See {@code docs/driver-catalog.md}.
 */
package dev.dtprobe.driver.catalog;
