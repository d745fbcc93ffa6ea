package dev.dtprobe.frontend.overlay;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlays that fdtoverlay refuses: OverlayApplier must refuse them too, with an InputException
 * whose message names the overlay file and what is wrong, and must leave both trees unchanged
 * (checked by {@link OverlayOracleTest#checkBothFail}, which also runs the real fdtoverlay).
 */
class OverlayErrorTest {
    @TempDir
    Path tmp;

    private static final String BASE = """
            /dts-v1/;
            / {
            	compatible = "test,base";
            	soc: soc {
            		uart: serial@0 {
            			status = "disabled";
            		};
            	};
            	plain {
            	};
            };
            """;

    private InputException fails(String base, boolean baseSymbols, String overlay) throws IOException {
        assumeTrue(Tools.available(), "dtc 1.6.1 / fdtoverlay not installed");
        Path b = Files.writeString(tmp.resolve("base.dts"), base);
        Path o = Files.writeString(tmp.resolve("bad-overlay.dts"), overlay);
        InputException e = OverlayOracleTest.checkBothFail(b, baseSymbols, List.of(o), true, List.of(tmp), tmp);
        assertTrue(e.render().contains("bad-overlay.dts"), "message names the overlay: " + e.render());
        return e;
    }

    private static void assertMessage(InputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected \"" + p + "\" in: " + e.render());
        }
    }

    @Test
    void labelMissingFromBaseSymbols() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                /plugin/;
                &nosuchlabel {
                	status = "okay";
                };
                """);
        assertMessage(e, "\"nosuchlabel\"", "/fragment@0:target", "not in the base tree's /__symbols__");
    }

    @Test
    void baseWithoutSymbols() throws IOException {
        InputException e = fails(BASE, false, """
                /dts-v1/;
                /plugin/;
                &uart {
                	status = "okay";
                };
                """);
        assertMessage(e, "\"uart\"", "base tree has no /__symbols__", "dtc -@");
    }

    @Test
    void labelInValueMissingFromBaseSymbols() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                /plugin/;
                &uart {
                	dmas = <&soc 1>, <&dma 2>;
                };
                """);
        assertMessage(e, "\"dma\"", "/fragment@0/__overlay__:dmas");
    }

    @Test
    void targetPhandleNotFound() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                /plugin/;
                / {
                	fragment@0 {
                		target = <0x99>;
                		__overlay__ {
                			x;
                		};
                	};
                };
                """);
        assertMessage(e, "fragment /fragment@0", "target phandle 0x99", "no node of the base tree");
    }

    @Test
    void targetPathNotFound() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                /plugin/;
                &{/soc/nothing-here} {
                	x;
                };
                """);
        assertMessage(e, "fragment /fragment@0", "target-path \"/soc/nothing-here\"", "no node of the base tree");
    }

    @Test
    void fragmentWithoutTarget() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                /plugin/;
                / {
                	fragment@0 {
                		__overlay__ {
                			x;
                		};
                	};
                };
                """);
        assertMessage(e, "fragment /fragment@0", "neither a target nor a target-path");
    }

    @Test
    void unresolvedTargetCell() throws IOException {
        // written by hand, without a __fixups__ entry for it
        InputException e = fails(BASE, true, """
                /dts-v1/;
                / {
                	fragment@0 {
                		target = <0xffffffff>;
                		__overlay__ {
                			x;
                		};
                	};
                };
                """);
        assertMessage(e, "fragment /fragment@0", "target must be one phandle cell");
    }

    @Test
    void badFixupEntry() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                / {
                	fragment@0 {
                		target-path = "/plain";
                		__overlay__ {
                			x = <0>;
                		};
                	};
                	__fixups__ {
                		uart = "/fragment@0/__overlay__:x";
                	};
                };
                """);
        assertMessage(e, "/__fixups__:uart", "bad entry \"/fragment@0/__overlay__:x\"");
    }

    @Test
    void fixupOffsetOutsideProperty() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                / {
                	fragment@0 {
                		target-path = "/plain";
                		__overlay__ {
                			x = <0>;
                		};
                	};
                	__fixups__ {
                		uart = "/fragment@0/__overlay__:x:0", "/fragment@0/__overlay__:x:4";
                	};
                };
                """);
        assertMessage(e, "/__fixups__:uart", "offset 4 is outside /fragment@0/__overlay__:x (4 bytes)");
    }

    @Test
    void fixupNamesMissingNode() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                / {
                	fragment@0 {
                		target-path = "/plain";
                		__overlay__ {
                			x = <0>;
                		};
                	};
                	__fixups__ {
                		uart = "/fragment@0/__overlay__/nope:x:0";
                	};
                };
                """);
        assertMessage(e, "/__fixups__:uart", "/fragment@0/__overlay__/nope", "overlay does not have");
    }

    @Test
    void symbolNodeWithoutPhandle() throws IOException {
        // base compiled without -@ but carrying a hand-written __symbols__
        InputException e = fails("""
                /dts-v1/;
                / {
                	plain {
                	};
                	__symbols__ {
                		plain = "/plain";
                	};
                };
                """, false, """
                /dts-v1/;
                /plugin/;
                &plain {
                	x;
                };
                """);
        assertMessage(e, "base node /plain", "has no phandle");
    }

    @Test
    void localFixupNamesMissingProperty() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                / {
                	fragment@0 {
                		target-path = "/plain";
                		__overlay__ {
                			x = <0>;
                		};
                	};
                	__local_fixups__ {
                		fragment@0 {
                			__overlay__ {
                				y = <0>;
                			};
                		};
                	};
                };
                """);
        assertMessage(e, "local fixup", "property y");
    }

    @Test
    void symbolOfMissingFragment() throws IOException {
        InputException e = fails(BASE, true, """
                /dts-v1/;
                / {
                	fragment@0 {
                		target-path = "/plain";
                		__overlay__ {
                			x = <0>;
                		};
                	};
                	__symbols__ {
                		ghost = "/fragment@7/__overlay__/n";
                	};
                };
                """);
        assertMessage(e, "/__symbols__:ghost", "fragment /fragment@7");
    }
}
