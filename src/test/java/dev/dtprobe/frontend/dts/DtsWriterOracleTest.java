package dev.dtprobe.frontend.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.frontend.dtb.Dtc;
import dev.dtprobe.frontend.dtb.DtbReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** DtsWriter(read(dtb)) against {@code dtc -I dtb -O dts} for every reference DTB. */
class DtsWriterOracleTest {

    @TestFactory
    Stream<DynamicTest> referenceDtbsAsDts() throws Exception {
        List<Path> files = Dtc.referenceDtbs();
        assumeFalse(files.isEmpty(), "reference corpus absent");
        assumeTrue(Dtc.available(), "dtc 1.6.1 not installed");
        // run dtc on two cores up front; the dynamic tests then only compare
        Map<Path, Future<byte[]>> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Path f : files) {
                expected.put(f, pool.submit(() -> Dtc.run("-I", "dtb", "-O", "dts", f.toString())));
            }
            for (Future<byte[]> fut : expected.values()) {
                fut.get();
            }
        } finally {
            pool.shutdown();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String want = new String(expected.get(f).get(), StandardCharsets.ISO_8859_1);
            String got = DtsWriter.write(DtbReader.read(Files.readAllBytes(f), f.toString()));
            assertEquals(want, got, f.toString());
        }));
    }
}
