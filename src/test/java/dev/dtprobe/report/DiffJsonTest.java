package dev.dtprobe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.dtprobe.diff.BootDiff;
import dev.dtprobe.diff.DiffOptions;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.overlay.OverlayApplier;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code diff --json} validates against docs/diff-json.schema.json and carries what the text says. */
class DiffJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/diff-json.schema.json")));
    }

    private static JsonNode validated(BootDiff d) throws Exception {
        JsonNode json = MAPPER.readTree(DiffJson.write(d));
        var errors = schema().validate(json);
        assertTrue(errors.isEmpty(), errors.toString());
        return json;
    }

    @Test
    void xenKernelsDiffValidatesAndTellsTheStory() throws Exception {
        DeviceTree tree = new TreeLoader(LoadOptions.defaults()).load(Path.of("samples/seeds/xen-grant-dma.dts")).tree();
        BootResult a = new BootSimulation(KernelProfile.forVersion(KernelVersion.parse("5.10")), DriverCatalog.bundled()).run(tree);
        BootResult b = new BootSimulation(KernelProfile.forVersion(KernelVersion.parse("6.1")), DriverCatalog.bundled()).run(tree);
        JsonNode json = validated(BootDiff.compare(a, b, DiffOptions.defaults()));
        assertEquals("diff/1", json.get("dtprobeFormat").asText());
        assertTrue(json.get("sameTree").asBoolean());
        assertEquals(false, json.get("empty").asBoolean());
        assertEquals("xen-grant-dma-iommu", json.get("drivers").get(0).get("driver").asText());
        assertEquals("not in kernel 5.10", json.get("drivers").get(0).get("before").asText());
        JsonNode virtio = json.get("devices").get(1);
        assertEquals("2000000.virtio", virtio.get("device").asText());
        JsonNode iommu = virtio.get("changes").get(virtio.get("changes").size() - 1);
        assertEquals("iommu", iommu.get("category").asText());
        assertEquals("xen-grant (domid 1)", iommu.get("after").asText());
    }

    @Test
    void overlayDiffValidatesWithTreeChangesAndMoves() throws Exception {
        LoadOptions include = new LoadOptions(List.of(Path.of("samples/include")), List.of(), List.of(), true, null);
        DeviceTree base = new TreeLoader(include).load(Path.of("samples/diff/board.dts")).tree();
        DeviceTree withOverlay = new TreeLoader(include).load(Path.of("samples/diff/board.dts")).tree();
        OverlayApplier.apply(withOverlay, new TreeLoader(LoadOptions.defaults())
                .load(Path.of("samples/diff/dpu-iommus.dtso")).tree(), "dpu-iommus.dtso");
        DriverCatalog c = DriverCatalog.bundled().merge(DriverCatalog.load(Path.of("samples/diff/drivers.yaml")));
        KernelProfile p = KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION);
        JsonNode json = validated(BootDiff.compare(new BootSimulation(p, c).run(base), new BootSimulation(p, c).run(withOverlay),
                DiffOptions.defaults()));
        assertEquals("property-added", json.get("tree").get(0).get("kind").asText());
        assertEquals("iommus", json.get("tree").get(0).get("property").asText());
        JsonNode move = json.get("bindOrderMoves").get(0);
        assertEquals("5000.display", move.get("device").asText());
        assertTrue(move.get("wasAfter").isNull());
    }
}
