package dev.dtprobe.frontend.dtb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.dts.DtsWriter;
import dev.dtprobe.report.TreeJson;
import dev.dtprobe.tree.DeviceTree;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomised damage to real blobs (fixed seed): the reader either succeeds or throws an
 * InputException from its own checks (never its safety net, never another exception), and a
 * tree it accepts can always be written back as DTB, DTS and JSON.
 */
class DtbReaderMutationTest {
    private static final int ITERATIONS_PER_BLOB = 1500;

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> out = new ArrayList<>();
        out.add(DtbVersionsTest.resource("versions-v17.dtb"));
        out.add(DtbVersionsTest.resource("versions-v1.dtb"));
        out.add(DtbVersionsTest.resource("versions-v16.dtb"));
        List<Path> ref = Dtc.referenceDtbs();
        for (String want : new String[] {"arm/juno.dtb", "rockchip/rk3399-rock-pi-4.dtb"}) {
            for (Path p : ref) {
                if (p.toString().endsWith(want)) {
                    out.add(DtbOracleTest.read(p));
                }
            }
        }
        return out;
    }

    @Test
    void mutatedBlobsNeverCrash() throws Exception {
        Random rnd = new Random(0x5eed_d7b0L);
        int accepted = 0;
        int rejected = 0;
        for (byte[] seed : seeds()) {
            for (int i = 0; i < ITERATIONS_PER_BLOB; i++) {
                byte[] m = mutate(seed, rnd);
                try {
                    DeviceTree t = DtbReader.read(m, "mut.dtb");
                    DtbWriter.write(t);
                    DtsWriter.write(t);
                    TreeJson.write(t);
                    accepted++;
                } catch (InputException e) {
                    assertTrue(e.getMessage().startsWith("bad DTB: "), e.getMessage());
                    assertFalse(e.getMessage().contains("unexpected internal failure"), e.getMessage());
                    rejected++;
                } catch (Throwable t) {
                    fail("iteration " + i + ": " + t, t);
                }
            }
        }
        assertTrue(accepted > 100 && rejected > 100, "accepted " + accepted + ", rejected " + rejected);
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        switch (rnd.nextInt(6)) {
            case 0 -> { // flip a few bits anywhere
                int n = 1 + rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> { // random bytes in the struct block region
                long off = ByteBuffer.wrap(b).getInt(8) & 0xffffffffL;
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) {
                    int at = (int) Math.min(b.length - 1, off + rnd.nextInt(Math.max(1, b.length - (int) off)));
                    b[at] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length)); // truncate
            case 3 -> { // a header field set to a boundary or random value
                int field = rnd.nextInt(10) * 4;
                int[] vals = {0, 1, -1, 0x7fffffff, 0x80000000, b.length, b.length + 1, b.length - 4, rnd.nextInt()};
                ByteBuffer.wrap(b).putInt(field, vals[rnd.nextInt(vals.length)]);
            }
            case 4 -> { // a 32-bit word in the body set to a token or huge length
                int at = 40 + 4 * rnd.nextInt((b.length - 40) / 4);
                int[] vals = {1, 2, 3, 4, 9, 0, -1, 0x7fffffff, 0x10000};
                ByteBuffer.wrap(b).putInt(at, vals[rnd.nextInt(vals.length)]);
            }
            default -> { // delete or duplicate a 4-byte-aligned span
                int at = 40 + 4 * rnd.nextInt((b.length - 40) / 4);
                int len = 4 * (1 + rnd.nextInt(4));
                len = Math.min(len, b.length - at);
                byte[] out = new byte[rnd.nextBoolean() ? b.length - len : b.length + len];
                if (out.length < b.length) {
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                } else {
                    System.arraycopy(b, 0, out, 0, at + len);
                    System.arraycopy(b, at, out, at + len, b.length - at);
                }
                b = out;
            }
        }
        return b;
    }
}
