/**
 * Xen grant-table DMA model ({@code drivers/xen/grant-dma-ops.c}, translators.md §5).
 *
 * <ul>
 *   <li>{@link dev.dtprobe.translate.xen.GrantTable}: one guest's v1 grant entries, Linux's
 *       consecutive-ref allocator ({@code gnttab_alloc_grant_reference_seq}, free tail + bitmap,
 *       growth a frame at a time, -ENOSPC when full) and Xen's backend pin state.</li>
 *   <li>{@link dev.dtprobe.translate.xen.XenGrantDma}: the guest's DMA ops for one device
 *       (backend domid, map/unmap/alloc/free, the "broken" latch).</li>
 *   <li>{@link dev.dtprobe.translate.xen.XenGrantTranslator}: the backend-side lookup
 *       (grant DMA address + access + accessing domid to guest PA or a
 *       {@link dev.dtprobe.translate.xen.GrantFault}); never throws.</li>
 *   <li>{@link dev.dtprobe.translate.xen.GrantDmaAddress}: {@code 1<<63 | gref<<12 | offset}.</li>
 * </ul>
 *
 * <p>Depends on nothing else in dtprobe; the shared translator abstraction (translators.md §0) is
 * mirrored by {@link dev.dtprobe.translate.xen.GrantTranslation} until a common type exists.
 */
package dev.dtprobe.translate.xen;
