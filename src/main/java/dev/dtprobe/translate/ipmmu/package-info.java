/**
 * Renesas IPMMU-VMSA model (translators.md §4): {@link dev.dtprobe.translate.ipmmu.Ipmmu} root and
 * cache instances, {@link dev.dtprobe.translate.ipmmu.IpmmuDomain} (one shared per instance,
 * context allocation and attach as {@code ipmmu-vmsa.c} does them), per-generation
 * {@link dev.dtprobe.translate.ipmmu.IpmmuFeatures}, the SoC allow/deny lists
 * ({@link dev.dtprobe.translate.ipmmu.IpmmuAllowList}) and the §0-shaped
 * {@link dev.dtprobe.translate.ipmmu.IpmmuResult}. Page tables, TLB and walk come from
 * {@code dev.dtprobe.translate.pgtable}.
 */
package dev.dtprobe.translate.ipmmu;
