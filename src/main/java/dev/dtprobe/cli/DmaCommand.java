package dev.dtprobe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DmaOps;
import dev.dtprobe.iommu.DmaPort;
import dev.dtprobe.iommu.DmaResult;
import dev.dtprobe.iommu.XenGrantPort;
import dev.dtprobe.kernel.Errno;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--script", paramLabel = "FILE",
            description = "A JSON list of steps (map, unmap, translate, invalidate), run in order after the options.")
    Path script;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<DmaStep> steps = new ArrayList<>();
        maps.forEach(m -> steps.add(DmaStep.map(m)));
        unmaps.forEach(u -> steps.add(DmaStep.unmap(u)));
        translates.forEach(t -> steps.add(DmaStep.translate(t)));
        if (script != null) {
            steps.addAll(DmaStep.script(script));
        }
        BootResult result = options.boot();
        Device d = result.find(device);
        if (d == null) {
            throw new InputException(SourcePos.ofFile("--device"), "no device '" + device + "' in this boot");
        }
        DmaPort port = d.dmaOps() == DmaOps.XEN_GRANT
                ? new XenGrantPort(d.name(), (int) d.xenBackendDomid())
                : result.iommu().dmaPort(d);
        if (port == null) {
            throw new InputException(SourcePos.ofFile("--device"), d.name() + " is behind "
                    + result.iommu().fwspec(d).targetPath() + ", whose IOMMU type has no translator model");
        }
        List<String> lines = new ArrayList<>();
        ArrayNode results = MAPPER.createArrayNode();
        for (DmaStep s : steps) {
            lines.add(run(port, s, results.addObject()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("device", d.name());
            root.put("path", port.describe());
            root.set("steps", results);
            out.println(root.toPrettyString());
        } else {
            out.println(d.name() + ": " + port.describe());
            lines.forEach(out::println);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Runs one step on the port; records it in {@code r} and returns the text line. */
    private static String run(DmaPort port, DmaStep s, ObjectNode r) {
        r.put("op", s.op().name().toLowerCase(Locale.ROOT));
        r.put("iova", hex(s.iova()));
        switch (s.op()) {
            case MAP -> {
                int ret = port.map(s.iova(), s.pa(), s.size(), s.read(), s.write());
                r.put("pa", hex(s.pa())).put("size", hex(s.size())).put("result", ret == 0 ? "ok" : Errno.name(ret));
                String done = ret != 0 ? Errno.name(ret) : "ok";
                if (ret == 0 && port instanceof XenGrantPort x) {
                    r.put("dmaAddress", hex(x.lastDmaAddress()));
                    done = String.format(Locale.ROOT, "ok, DMA address 0x%x", x.lastDmaAddress());
                }
                return String.format(Locale.ROOT, "map 0x%x -> 0x%x size 0x%x %s: %s", s.iova(), s.pa(), s.size(),
                        (s.read() ? "r" : "") + (s.write() ? "w" : ""), done);
            }
            case UNMAP -> {
                long n = port.unmap(s.iova(), s.size());
                r.put("size", hex(s.size())).put("unmapped", hex(n));
                return String.format(Locale.ROOT, "unmap 0x%x size 0x%x: 0x%x bytes unmapped", s.iova(), s.size(), n);
            }
            case TRANSLATE -> {
                DmaResult t = port.translate(s.iova(), s.write());
                r.put("access", s.write() ? "w" : "r").put("kind", t.kind().name());
                if (t.kind() == DmaResult.Kind.FAULT) {
                    r.put("fault", t.fault());
                } else {
                    r.put("pa", hex(t.pa())).put("perm", t.perm()).put("mappingSize", hex(t.mappingSize()));
                }
                return String.format(Locale.ROOT, "%s 0x%x: %s", s.write() ? "write" : "read", s.iova(), t.render());
            }
            default -> {
                port.invalidateAll();
                return "invalidate: all cached translations of the domain";
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
