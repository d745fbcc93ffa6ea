/**
 * The device graph: how nodes of a {@link dev.dtprobe.tree.DeviceTree} refer to each other, read
 * as the kernel's OF code reads them (v6.12 semantics): phandle lists with {@code #*-cells}
 * ({@code of_parse_phandle_with_args}), fw_devlink's supplier table ({@link
 * dev.dtprobe.graph.SupplierBindings}), the interrupt tree ({@code of_irq_find_parent},
 * {@code of_irq_parse_one}) and {@code of_map_id}. Entry point: {@link dev.dtprobe.graph.DeviceGraph}.
 * Depends only on {@code dev.dtprobe.tree} (and tests on the front end).
 */
package dev.dtprobe.graph;
