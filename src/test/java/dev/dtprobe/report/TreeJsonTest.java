package dev.dtprobe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtprobe.frontend.dtb.DtbReader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeJsonTest {

    /**
     * The tree of
     * <pre>
     * /memreserve/ 0x80000000 0x100000;
     * / {
     *     model = "board";
     *     soc {
     *         uart0: serial@1000 {
     *             reg = <0x1000 0x100>;
     *             status;
     *         };
     *         intc: intc { phandle = <1>; };
     *         dev { interrupts-extended = <&intc 5>; alias = &uart0, "x"; mac = [00 11 22]; }
     *     };
     * };
     * </pre>
     * with the markers a DTS parser attaches.
     */
    static DeviceTree smallTree() {
        Node root = new Node("", null);
        DeviceTree t = new DeviceTree(root);
        t.memReserves().add(new MemReserve(0x80000000L, 0x100000, List.of("fw")));
        root.addProperty(new Property("model", PropertyValue.ofString("board"), null));
        Node soc = new Node("soc", null);
        root.addChild(soc);
        Node uart = new Node("serial@1000", null);
        uart.labels().add("uart0", null);
        uart.addProperty(new Property("reg", PropertyValue.ofCells(0x1000, 0x100), null));
        uart.addProperty(new Property("status", PropertyValue.EMPTY, null));
        soc.addChild(uart);
        Node intc = new Node("intc", null);
        intc.labels().add("intc", null);
        intc.setPhandle(1);
        intc.addProperty(new Property("phandle", PropertyValue.ofCells(1), null));
        soc.addChild(intc);
        Node dev = new Node("dev", null);
        dev.addProperty(new Property("interrupts-extended", new PropertyValue.Builder().beginCells(32)
                .mark(MarkerType.REF_PHANDLE, "intc").appendInt(1, 4).appendInt(5, 4).build(), null));
        dev.addProperty(new Property("alias", new PropertyValue.Builder().mark(MarkerType.TYPE_STRING, "uart0")
                .mark(MarkerType.REF_PATH, "uart0").appendBytes("/soc/serial@1000\0".getBytes())
                .appendString("x").build(), null));
        dev.addProperty(new Property("mac", new PropertyValue.Builder().beginCells(8)
                .appendBytes(new byte[] {0, 0x11, 0x22}).build(), null));
        soc.addChild(dev);
        return t;
    }

    // Golden output. Notes: keys are always in this order; "phandle" appears only on nodes that
    // have one; "valueLabels" only when a value carries labels; cell values are hex strings,
    // references are objects; "strings" chunks that follow each other merge; several kinds of
    // chunk in one value give "mixed".
    static final String GOLDEN = """
            {
              "dtprobeFormat": "tree/1",
              "memreserves": [
                {
                  "address": "0x80000000",
                  "size": "0x100000",
                  "labels": [
                    "fw"
                  ]
                }
              ],
              "bootCpuidPhys": 0,
              "root": {
                "name": "",
                "path": "/",
                "labels": [],
                "properties": [
                  {
                    "name": "model",
                    "labels": [],
                    "value": {
                      "type": "strings",
                      "values": [
                        "board"
                      ]
                    },
                    "hex": "626f61726400"
                  }
                ],
                "children": [
                  {
                    "name": "soc",
                    "path": "/soc",
                    "labels": [],
                    "properties": [],
                    "children": [
                      {
                        "name": "serial@1000",
                        "path": "/soc/serial@1000",
                        "labels": [
                          "uart0"
                        ],
                        "properties": [
                          {
                            "name": "reg",
                            "labels": [],
                            "value": {
                              "type": "cells",
                              "bits": 32,
                              "values": [
                                "0x1000",
                                "0x100"
                              ]
                            },
                            "hex": "0000100000000100"
                          },
                          {
                            "name": "status",
                            "labels": [],
                            "value": {
                              "type": "empty"
                            },
                            "hex": ""
                          }
                        ],
                        "children": []
                      },
                      {
                        "name": "intc",
                        "path": "/soc/intc",
                        "labels": [
                          "intc"
                        ],
                        "phandle": 1,
                        "properties": [
                          {
                            "name": "phandle",
                            "labels": [],
                            "value": {
                              "type": "cells",
                              "bits": 32,
                              "values": [
                                "0x1"
                              ]
                            },
                            "hex": "00000001"
                          }
                        ],
                        "children": []
                      },
                      {
                        "name": "dev",
                        "path": "/soc/dev",
                        "labels": [],
                        "properties": [
                          {
                            "name": "interrupts-extended",
                            "labels": [],
                            "value": {
                              "type": "cells",
                              "bits": 32,
                              "values": [
                                {
                                  "ref": "&intc",
                                  "phandle": 1
                                },
                                "0x5"
                              ]
                            },
                            "hex": "0000000100000005"
                          },
                          {
                            "name": "alias",
                            "labels": [],
                            "value": {
                              "type": "strings",
                              "values": [
                                {
                                  "ref": "&uart0",
                                  "path": "/soc/serial@1000"
                                },
                                "x"
                              ]
                            },
                            "hex": "2f736f632f73657269616c4031303030007800"
                          },
                          {
                            "name": "mac",
                            "labels": [],
                            "value": {
                              "type": "bytes",
                              "hex": "001122"
                            },
                            "hex": "001122"
                          }
                        ],
                        "children": []
                      }
                    ]
                  }
                ]
              }
            }
            """;

    @Test
    void goldenSmallTree() {
        assertEquals(GOLDEN, TreeJson.write(smallTree()));
    }

    @Test
    void jacksonReadsItBack() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(TreeJson.write(smallTree()));
        assertEquals("tree/1", doc.get("dtprobeFormat").asText());
        assertEquals(GOLDEN, TreeJson.pretty(doc)); // lossless: re-serialising gives the same text
        JsonNode dev = doc.at("/root/children/0/children/2");
        assertEquals("/soc/dev", dev.get("path").asText());
        assertEquals("&intc", dev.at("/properties/0/value/values/0/ref").asText());
    }

    @Test
    void mixedLabelsAndGuessedValues() throws Exception {
        Node root = new Node("", null);
        DeviceTree t = new DeviceTree(root);
        root.addProperty(new Property("m", new PropertyValue.Builder().appendString("a").beginCells(16)
                .mark(MarkerType.LABEL, "l").appendInt(0xffff, 2).beginCells(64).appendInt(-1L, 8).build(), null));
        t.setBootCpuidPhys(3);
        JsonNode m = new ObjectMapper().readTree(TreeJson.write(t)).at("/root/properties/0");
        assertEquals("mixed", m.at("/value/type").asText());
        assertEquals("strings", m.at("/value/chunks/0/type").asText());
        assertEquals(16, m.at("/value/chunks/1/bits").asInt());
        assertEquals("0xffff", m.at("/value/chunks/1/values/0").asText());
        assertEquals("0xffffffffffffffff", m.at("/value/chunks/2/values/0").asText());
        assertEquals("l", m.at("/valueLabels/0/name").asText());
        assertEquals(2, m.at("/valueLabels/0/offset").asInt());

        // neighbouring chunks of one kind join
        Node r2 = new Node("", null);
        DeviceTree t2 = new DeviceTree(r2);
        r2.addProperty(new Property("reg", new PropertyValue.Builder().beginCells(32).appendInt(1, 4).beginCells(32)
                .appendInt(2, 4).build(), null));
        r2.addProperty(new Property("c", new PropertyValue.Builder().appendString("a").appendString("b").build(), null));
        JsonNode j2 = new ObjectMapper().readTree(TreeJson.write(t2)).at("/root/properties");
        assertEquals("cells", j2.at("/0/value/type").asText());
        assertEquals("0x2", j2.at("/0/value/values/1").asText());
        assertEquals("b", j2.at("/1/value/values/1").asText());

        // the same tree through a DTB has no markers: values are guessed
        JsonNode g = new ObjectMapper().readTree(TreeJson.write(DtbReader.read(DtbWriter.write(t), "t")));
        assertEquals(3, g.get("bootCpuidPhys").asInt());
        assertEquals("cells", g.at("/root/properties/0/value/type").asText()); // 2+2+8 bytes: a multiple of 4
        assertEquals("0x6100ffff", g.at("/root/properties/0/value/values/0").asText());
    }
}
