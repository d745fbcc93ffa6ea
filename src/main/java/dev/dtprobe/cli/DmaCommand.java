package dev.dtprobe.cli;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.iommu.DmaPort;
import dev.dtprobe.iommu.XenGrantPort;
import dev.dtprobe.kernel.Errno;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dtprobe dma}: boots the board, then drives one device's DMA through the translator its
 * IOMMU driver programmed: map and unmap on its default domain, translate addresses.
 */
@Command(name = "dma",
        mixinStandardHelpOptions = true,
        description = {"Boots the board, then maps, unmaps and translates DMA addresses of one device",
            "through the IOMMU state its driver programmed at probe (maps first, then unmaps, then",
            "translations). Modelled: SMMU v1/v2/MMU-500, SMMUv3, IPMMU-VMSA, Xen grant DMA, no IOMMU.",
            "For Xen grant DMA the DMA address is chosen by the grant allocator and printed by --map."},
        footer = {"", "Example:",
            "  dtprobe dma board.dts --pci 00:01.0=pci1af4,1041 --device 0000:00:01.0 \\",
            "      --map 0x10000000:0x48000000:0x200000:rw --translate 0x10001234:w --translate 0x20000000"})
final class DmaCommand implements Callable<Integer> {

    @CommandLine.Mixin
    BootOptions options = new BootOptions();

    @Option(names = "--device", required = true, paramLabel = "DEVICE",
            description = "Device name, node path, node name or label.")
    String device;

    @Option(names = "--map", paramLabel = "IOVA:PA:SIZE[:PERM]", description = "Map on the device's domain; PERM r, w or rw (default rw).")
    List<String> maps = new ArrayList<>();

    @Option(names = "--unmap", paramLabel = "IOVA:SIZE", description = "Unmap from the device's domain.")
    List<String> unmaps = new ArrayList<>();

    @Option(names = "--translate", paramLabel = "IOVA[:r|w]", description = "A DMA access by the device (default read).")
    List<String> translates = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BootResult result = options.boot();
        Device d = result.find(device);
        if (d == null) {
            throw bad("--device", "no device '" + device + "' in this boot");
        }
        DmaPort port = d.dmaOps() == DmaOps.XEN_GRANT
                ? new XenGrantPort(d.name(), (int) d.xenBackendDomid())
                : result.iommu().dmaPort(d);
        if (port == null) {
            throw bad("--device", d.name() + " is behind " + result.iommu().fwspec(d).targetPath()
                    + ", whose IOMMU type has no translator model");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(d.name() + ": " + port.describe());
        for (String m : maps) {
            String[] f = m.split(":");
            if (f.length < 3 || f.length > 4) {
                throw bad("--map", "bad mapping '" + m + "': expected IOVA:PA:SIZE[:PERM]");
            }
            String perm = f.length == 4 ? f[3] : "rw";
            int ret = port.map(number("--map", f[0]), number("--map", f[1]), number("--map", f[2]),
                    perm.contains("r"), perm.contains("w"));
            String done = ret != 0 ? Errno.name(ret)
                    : port instanceof XenGrantPort x ? String.format(Locale.ROOT, "ok, DMA address 0x%x", x.lastDmaAddress())
                    : "ok";
            out.printf(Locale.ROOT, "map %s -> %s size %s %s: %s%n", f[0], f[1], f[2], perm, done);
        }
        for (String u : unmaps) {
            String[] f = u.split(":");
            if (f.length != 2) {
                throw bad("--unmap", "bad range '" + u + "': expected IOVA:SIZE");
            }
            long n = port.unmap(number("--unmap", f[0]), number("--unmap", f[1]));
            out.printf(Locale.ROOT, "unmap %s size %s: 0x%x bytes unmapped%n", f[0], f[1], n);
        }
        for (String t : translates) {
            String[] f = t.split(":");
            boolean write = f.length > 1 && f[1].equals("w");
            if (f.length > 2 || (f.length == 2 && !f[1].equals("r") && !f[1].equals("w"))) {
                throw bad("--translate", "bad access '" + t + "': expected IOVA[:r|w]");
            }
            out.printf(Locale.ROOT, "%s %s: %s%n", write ? "write" : "read", f[0],
                    port.translate(number("--translate", f[0]), write).render());
        }
        out.flush();
        return ExitCode.OK;
    }

    private static long number(String option, String text) {
        try {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw bad(option, "bad number '" + text + "'");
        }
    }

    private static InputException bad(String option, String message) {
        return new InputException(SourcePos.ofFile(option), message);
    }
}
