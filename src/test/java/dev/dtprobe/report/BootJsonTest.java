package dev.dtprobe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.Cmdline;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code boot --json} output validates against docs/boot-json.schema.json and says what happened. */
class BootJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void xenSampleValidatesAndCarriesTheStory() throws Exception {
        BootResult r = bootXenSample("6.1", "missing:xen-grant-dma-iommu");
        JsonNode json = MAPPER.readTree(BootJson.write(r));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/boot-json.schema.json")));
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), errors.toString());

        assertEquals("boot/1", json.get("dtprobeFormat").asText());
        JsonNode virtio = null;
        for (JsonNode d : json.get("devices")) {
            if (d.get("name").asText().equals("2000000.virtio")) {
                virtio = d;
            }
        }
        assertEquals("bound", virtio.get("state").asText());
        assertEquals("XEN_GRANT", virtio.get("dmaOps").asText());
        assertEquals(1, virtio.get("xenBackendDomid").asInt());
        assertTrue(virtio.get("boundMicros").asLong() >= json.get("timeoutFiredMicros").asLong());
        boolean timeoutLine = false;
        for (JsonNode l : json.get("log")) {
            timeoutLine |= l.get("message").asText().equals("deferred probe timeout, ignoring dependency");
        }
        assertTrue(timeoutLine);
    }

    static BootResult bootXenSample(String kernel, String fault) {
        var tree = new TreeLoader(LoadOptions.defaults()).load(Path.of("samples/seeds/xen-grant-dma.dts")).tree();
        KernelProfile p = Cmdline.apply(KernelProfile.forVersion(KernelVersion.parse(kernel)), "").profile();
        DriverCatalog c = DriverCatalog.bundled().with(dev.dtprobe.driver.catalog.FaultInjection.parse(fault));
        return new BootSimulation(p, c).run(tree);
    }

    @Test
    void translatorStateShowsWhatTheDriversProgrammed() throws Exception {
        var tree = new TreeLoader(new LoadOptions(List.of(Path.of("samples/include")), List.of(), List.of(), false, null))
                .load(Path.of("samples/scenarios/s12-pci-iommu-map.dts")).tree();
        DriverCatalog c = DriverCatalog.bundled().merge(DriverCatalog.load(Path.of("samples/scenarios/drivers.yaml")))
                .merge(DriverCatalog.load(Path.of("samples/scenarios/s12-drivers.yaml")));
        JsonNode json = MAPPER.readTree(BootJson.write(new BootSimulation(
                KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION), c).run(tree)));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/boot-json.schema.json")));
        assertTrue(schema.validate(json).isEmpty());
        JsonNode smmu = json.get("translators").get(0);
        assertEquals("arm-smmu-v3", smmu.get("model").asText());
        // port and endpoint both mask to stream 0x10000 and share group 0: one STE, one S1 domain
        assertEquals("[{\"streamId\":\"0x10000\",\"ste\":\"S1, ASID 1\"}]", smmu.get("entries").toString());
    }

    @Test
    void theSameInputGivesTheSameRun() {
        var tree = new TreeLoader(new LoadOptions(List.of(Path.of("samples/include")), List.of(), List.of(), false, null))
                .load(Path.of("samples/seeds/pci-endpoint-before-bridge.dts")).tree();
        DriverCatalog c = DriverCatalog.bundled().merge(DriverCatalog.load(Path.of("samples/seeds/seed-drivers.yaml")));
        KernelProfile p = KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION);
        String first = BootJson.write(new BootSimulation(p, c).run(tree));
        for (int i = 0; i < 3; i++) {
            assertEquals(first, BootJson.write(new BootSimulation(p, c).run(tree)));
        }
    }

    @Test
    void validatesInEveryEra() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/boot-json.schema.json")));
        for (String k : List.of("5.4", "6.6", "6.15")) {
            BootResult r = bootXenSample(k, "missing:xen-grant-dma-iommu");
            assertTrue(schema.validate(MAPPER.readTree(BootJson.write(r))).isEmpty(), k);
        }
    }
}
