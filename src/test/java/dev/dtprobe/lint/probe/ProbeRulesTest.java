package dev.dtprobe.lint.probe;

import static dev.dtprobe.lint.probe.TestDrivers.absent;
import static dev.dtprobe.lint.probe.TestDrivers.platform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.driver.InitcallLevel;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import dev.dtprobe.kernel.KernelProfile;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each probe rule on small boards: one that must trigger it (with the facts the message must
 * carry: the blocking node, the errno, the kernel's behaviour) and one that must not. Expected
 * behaviour comes from shared/docs/kernel-semantics.md (sections cited per test).
 */
class ProbeRulesTest {

    /** A simple-bus with one address and size cell around {@code body}. */
    static String soc(String body) {
        return """
                / {
                    #address-cells = <1>;
                    #size-cells = <1>;
                    soc {
                        compatible = "simple-bus";
                        #address-cells = <1>;
                        #size-cells = <1>;
                        ranges;
                """ + body + """
                    };
                };
                """;
    }

    static final String SMMU = """
            smmu: iommu@1000 {
                compatible = "arm,mmu-500", "arm,smmu-v2";
                reg = <0x1000 0x1000>;
                #global-interrupts = <1>;
                #iommu-cells = <1>;
            };
            """;

    static final String CRU = """
            cru: clock-controller@3000 {
                compatible = "acme,cru";
                reg = <0x3000 0x100>;
                #clock-cells = <1>;
            };
            """;

    static String mmc(String extra) {
        return """
                mmc@2000 {
                    compatible = "acme,sdhci";
                    reg = <0x2000 0x100>;
                """ + extra + """
                };
                """;
    }

    static void assertOne(List<String> lines, String prefix, String... fragments) {
        assertEquals(1, lines.size(), () -> String.join("\n", lines));
        String line = lines.get(0);
        assertTrue(line.startsWith(prefix), () -> "expected prefix " + prefix + "\n" + line);
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "missing \"" + f + "\" in\n" + line);
        }
    }

    @Nested
    class NeverBindsRule {
        @Test
        void disabledClockProviderKeepsTheConsumerDeferred() {
            // sdhci-foo acquires its clock; a disabled provider never binds, so the probe defers for ever
            String dts = soc(CRU.replace("#clock-cells = <1>;", "#clock-cells = <1>; status = \"disabled\";")
                    + mmc("clocks = <&cru 7>;"));
            assertOne(ProbeLint.dts(dts).lines("never-binds"), "never-binds /soc/mmc@2000:clocks: never binds: still deferred",
                    "mmc@2000 <- clock-controller@3000: node is disabled",
                    "devices_deferred reason \"sdhci-foo: clocks provider /soc/clock-controller@3000 not ready\"");
        }

        @Test
        void failedProbeIsNeverRetried() {
            // §1.5: a probe error other than -EPROBE_DEFER leaves the device unbound for good
            String dts = soc(CRU + mmc("clocks = <&cru 7>;"));
            DriverCatalog failing = TestDrivers.sampleBoard().with(FaultInjection.parse("fail:sdhci-foo:-EIO"));
            assertOne(ProbeLint.dts(dts).catalog(failing).lines("never-binds"), "never-binds /soc/mmc@2000: never binds",
                    "probe by sdhci-foo failed with -EIO", "never retried");
        }

        @Test
        void supplierWithoutBuiltDriverIsTheRootCause() {
            // the clock controller's driver is not built: both stay unbound, and the chain names it
            String dts = soc(CRU + mmc("clocks = <&cru 7>;"));
            DriverCatalog noCru = TestDrivers.sampleBoard().merge(DriverCatalog.of(List.of(
                    absent(platform("acme-cru", "acme,cru", 95000, List.of())))));
            // §2.9: at the timeout fw_devlink_drivers_done() relaxes the link (acme-cru never matched),
            // so the reason becomes the probe's own wait for the clock
            assertEquals(List.of(
                    "never-binds /soc/clock-controller@3000: never binds: clock-controller@3000: driver acme-cru for "
                            + "\"acme,cru\" is not built",
                    "never-binds /soc/mmc@2000:clocks: never binds: still deferred at the end of boot: mmc@2000 <- "
                            + "clock-controller@3000: driver acme-cru for \"acme,cru\" is not built "
                            + "(devices_deferred reason \"sdhci-foo: clocks provider /soc/clock-controller@3000 not ready\")"),
                    ProbeLint.dts(dts).catalog(noCru).lines("never-binds"));
        }

        @Test
        void deviceNeverWaitsForItself() {
            // a pin controller's own pinctrl-0 states are hogs claimed at registration: no self-deferral
            String dts = soc(mmc("""
                    pinctrl-names = "default";
                    pinctrl-0 = <&hog>;
                    hog: hog-pins { pins = "gpio1"; };
                    """));
            assertEquals(List.of(), ProbeLint.dts(dts).lines("never-binds"));
        }

        @Test
        void everythingBinds() {
            assertEquals(List.of(), ProbeLint.dts(soc(CRU + mmc("clocks = <&cru 7>;"))).lines("never-binds"));
        }
    }

    @Nested
    class BoundAfterTimeoutRule {
        static final String UNKNOWN_IOMMU = """
                smmu: iommu@1000 {
                    compatible = "acme,unknown-iommu";
                    reg = <0x1000 0x1000>;
                    #iommu-cells = <1>;
                };
                """;

        @Test
        void v6WaitsTenSecondsThenBindsWithoutIommu() {
            // §9 S3 (E5): the IOMMU never registers; at tL+10 s "deferred probe timeout, ignoring dependency"
            String dts = soc(UNKNOWN_IOMMU + mmc("iommus = <&smmu 0x10>;"));
            assertOne(ProbeLint.dts(dts).lines("bound-after-timeout"),
                    "bound-after-timeout /soc/mmc@2000:iommus: binds only after the deferred-probe timeout fired at 10.0",
                    "waited for IOMMU /soc/iommu@1000, which had not registered",
                    "(\"deferred probe timeout, ignoring dependency\")",
                    "its DMA bypasses translation");
        }

        @Test
        void v5WithTimeoutZeroGivesUpAtLateInitcall() {
            // §9 S3 (E4): timeout 0, so late_initcall's second pass gives up; no timeout work runs
            String dts = soc(UNKNOWN_IOMMU + mmc("iommus = <&smmu 0x10>;"));
            assertOne(ProbeLint.dts(dts).kernel("5.15").lines("bound-after-timeout"),
                    "bound-after-timeout /soc/mmc@2000:iommus: binds only when late_initcall gives up waiting "
                            + "(deferred_probe_timeout=0 in v5.15)",
                    "deferred probe timeout, ignoring dependency", "bound without it");
        }

        @Test
        void iommuThatRegistersLateButBeforeTheTimeoutIsNotReported() {
            // §9 S2: the consumer defers, the SMMU binds, late_initcall retries it with the IOMMU
            String dts = soc(SMMU + mmc("iommus = <&smmu 0x10>;"));
            DriverCatalog early = TestDrivers.sampleBoardWith(CatalogEntry.builtin(new DriverSpec("sdhci-foo",
                    List.of("acme,sdhci"), BusType.PLATFORM, InitcallLevel.SUBSYS, 1, null, List.of(), false, null, false)));
            assertEquals(List.of(), ProbeLint.dts(dts).catalog(early).lines("bound-after-timeout"));
        }
    }

    @Nested
    class BoundWithoutIommuRule {
        static String ipmmuBoard(String master) {
            return """
                    / {
                        #address-cells = <1>;
                        #size-cells = <1>;
                        soc {
                            compatible = "simple-bus";
                            #address-cells = <1>;
                            #size-cells = <1>;
                            ranges;
                            ipmmu: iommu@e67b0000 {
                                compatible = "renesas,ipmmu-r8a7795";
                                reg = <0xe67b0000 0x1000>;
                                #iommu-cells = <1>;
                            };
                    """ + master + """
                        };
                    };
                    """;
        }

        @Test
        void ipmmuAllowListRejectsTheMaster() {
            // §9 S18: a master outside ipmmu-vmsa's allow-list gets -ENODEV from of_xlate, bound without IOMMU
            String dts = ipmmuBoard("""
                    usb@ee080000 { compatible = "acme,dma"; reg = <0xee080000 0x100>; iommus = <&ipmmu 5>; };
                    """);
            assertOne(ProbeLint.dts(dts).lines("bound-without-iommu"),
                    "bound-without-iommu /soc/usb@ee080000:iommus: ipmmu-vmsa IOMMU /soc/iommu@e67b0000 registered, "
                            + "but ee080000.usb bound without it (ipmmu-vmsa of_xlate rejected the device)",
                    "its DMA bypasses translation");
        }

        @Test
        void allowListedMasterIsTranslated() {
            String dts = ipmmuBoard("""
                    mmc@ee100000 { compatible = "acme,dma"; reg = <0xee100000 0x100>; iommus = <&ipmmu 32>; };
                    """);
            assertEquals(List.of(), ProbeLint.dts(dts).lines("bound-without-iommu"));
        }
    }

    @Nested
    class IommusDisabledTargetRule {
        @Test
        void disabledSmmu() {
            // §9 S10: no device, no link, no IOMMU; only debug output in the kernel
            String dts = soc(SMMU.replace("#iommu-cells = <1>;", "#iommu-cells = <1>; status = \"disabled\";")
                    + mmc("iommus = <&smmu 0x10>;"));
            assertEquals(List.of("iommus-disabled-target /soc/mmc@2000:iommus: entry 0 names /soc/iommu@1000, which is "
                    + "disabled (status = \"disabled\"): of_iommu treats it as unavailable, so the device binds without "
                    + "an IOMMU and its DMA bypasses translation"), ProbeLint.dts(dts).lines("iommus-disabled-target"));
        }

        @Test
        void enabledSmmu() {
            assertEquals(List.of(), ProbeLint.dts(soc(SMMU + mmc("iommus = <&smmu 0x10>;"))).lines("iommus-disabled-target"));
        }
    }

    @Nested
    class IommusNotAnIommuRule {
        @Test
        void targetWithoutIommuCells() {
            // §9 S11 (a): "could not get #iommu-cells", no IOMMU
            String dts = soc(CRU + mmc("iommus = <&cru 0x10>;"));
            assertOne(ProbeLint.dts(dts).lines("iommus-not-an-iommu"),
                    "iommus-not-an-iommu /soc/mmc@2000:iommus: entry 0 names /soc/clock-controller@3000, but it has no "
                            + "#iommu-cells");
        }

        @Test
        void targetBoundByAnOrdinaryDriver() {
            // the node claims to be an IOMMU, but its driver never calls iommu_device_register: of_iommu waits
            String dts = soc(CRU.replace("#clock-cells = <1>;", "#clock-cells = <1>; #iommu-cells = <1>;")
                    + mmc("iommus = <&cru 0x10>;"));
            assertOne(ProbeLint.dts(dts).lines("iommus-not-an-iommu"), "iommus-not-an-iommu /soc/mmc@2000:iommus",
                    "its driver acme-cru is not an IOMMU driver");
        }

        @Test
        void realIommuAndUnknownIommuAreFine() {
            // an unknown compatible may be an IOMMU the catalog lacks: bound-after-timeout speaks for it
            String dts = soc(SMMU + mmc("iommus = <&smmu 0x10>;")
                    + "other: iommu@4000 { compatible = \"acme,unknown-iommu\"; reg = <0x4000 0x100>; #iommu-cells = <1>; };"
                    + "dma@5000 { compatible = \"acme,dma\"; reg = <0x5000 0x100>; iommus = <&other 1>; };");
            assertEquals(List.of(), ProbeLint.dts(dts).lines("iommus-not-an-iommu"));
        }
    }

    /** An ECAM host bridge with a root port 00:00.0 and an endpoint 01:00.0 behind it. */
    static String pciBoard(String mapProperties, String smmuCompatible) {
        return """
                / {
                    #address-cells = <2>;
                    #size-cells = <2>;
                    smmu: iommu@9050000 {
                        compatible = "%s";
                        reg = <0x0 0x09050000 0x0 0x20000>;
                        #iommu-cells = <1>;
                    };
                    its: msi-controller@8080000 {
                        compatible = "arm,gic-v3-its";
                        reg = <0x0 0x08080000 0x0 0x20000>;
                        msi-controller;
                    };
                    pcie@10000000 {
                        compatible = "pci-host-ecam-generic";
                        device_type = "pci";
                        #address-cells = <3>;
                        #size-cells = <2>;
                        bus-range = <0x00 0xff>;
                        reg = <0x40 0x10000000 0x0 0x10000000>;
                        ranges = <0x2000000 0x0 0x10000000 0x0 0x10000000 0x0 0x2eff0000>;
                        %s
                        pcie@0,0 {
                            device_type = "pci";
                            reg = <0x0000 0 0 0 0>;
                            #address-cells = <3>;
                            #size-cells = <2>;
                            ranges;
                            ethernet@0,0 {
                                compatible = "pci15b3,1017";
                                reg = <0x10000 0 0 0 0>;
                            };
                        };
                    };
                };
                """.formatted(smmuCompatible, mapProperties);
    }

    @Nested
    class IommuMapInvalidRule {
        @Test
        void maskIgnoresIdBase() {
            // §4.5: "Invalid iommu-map translation - iommu-map-mask (0xff) ignores id-base (0x100)" -> -EFAULT
            String dts = pciBoard("iommu-map = <0x100 &smmu 0x0 0x100>; iommu-map-mask = <0xff>;", "arm,smmu-v3");
            assertOne(ProbeLint.dts(dts).lines("iommu-map-invalid"), "iommu-map-invalid /pcie@10000000:iommu-map: entry 0",
                    "-EFAULT", "\"Invalid iommu-map translation - iommu-map-mask (0xff) ignores id-base (0x100)\"");
        }

        @Test
        void badLengthAndNonMsiTarget() {
            assertOne(ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x0>;", "arm,smmu-v3")).lines("iommu-map-invalid"),
                    "iommu-map-invalid /pcie@10000000:iommu-map: length 12 bytes", "\"Error: Bad iommu-map length: 12\"");
            assertOne(ProbeLint.dts(pciBoard("msi-map = <0x0 &smmu 0x0 0x10000>;", "arm,smmu-v3")).lines("iommu-map-invalid"),
                    "iommu-map-invalid /pcie@10000000:msi-map: entry 0 (id-base 0x0) targets /iommu@9050000, but it has no "
                            + "msi-controller property");
        }

        @Test
        void validMaps() {
            String dts = pciBoard("iommu-map = <0x0 &smmu 0x0 0x10000>; msi-map = <0x0 &its 0x0 0x10000>;", "arm,smmu-v3");
            assertEquals(List.of(), ProbeLint.dts(dts).lines("iommu-map-invalid"));
        }
    }

    @Nested
    class IommuMapGapsRule {
        @Test
        void enumeratedEndpointNotCovered() {
            // §4.5: no matching entry -> "no iommu-map translation for id 0x100 on (null)", no IOMMU
            String dts = pciBoard("iommu-map = <0x0 &smmu 0x0 0x100>;", "arm,smmu-v3");
            assertEquals(List.of("iommu-map-gaps /pcie@10000000:iommu-map: no entry covers 0000:01:00.0 (RID 0x100) "
                    + "(masked 0x100): the kernel logs \"OF: /pcie@10000000: no iommu-map translation for id 0x100 on "
                    + "(null)\" and the device gets no IOMMU, so its DMA bypasses translation"),
                    ProbeLint.dts(dts).lines("iommu-map-gaps"));
        }

        @Test
        void overlappingEntriesAndMaskAliasing() {
            assertOne(ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x0 0x10000>, <0x100 &smmu 0x8000 0x100>;",
                    "arm,smmu-v3")).lines("iommu-map-gaps"),
                    "iommu-map-gaps /pcie@10000000:iommu-map: entry 1 overlaps entry 0 for IDs 0x100-0x1ff");
            // §9 S12: mask 0xff gives 00:00.0 (RID 0x0) and 01:00.0 (RID 0x100) the same stream ID
            assertOne(ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x10000 0x100>; iommu-map-mask = <0xff>;",
                    "arm,smmu-v3")).lines("iommu-map-gaps"),
                    "iommu-map-gaps /pcie@10000000:iommu-map: iommu-map-mask 0xff maps 0000:00:00.0 (RID 0x0) and "
                            + "0000:01:00.0 (RID 0x100) to the same ID 0x10000 on /iommu@9050000");
        }

        @Test
        void emptyEntry() {
            // fsl-mc trees carry <0 &smmu 0 0> for U-Boot to fill in: as linted, it maps nothing
            assertOne(ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x0 0x10000>, <0x0 &smmu 0x0 0x0>;", "arm,smmu-v3"))
                    .lines("iommu-map-gaps"), "iommu-map-gaps /pcie@10000000:iommu-map: entry 1 (id-base 0x0) has length 0 "
                            + "and maps no ID");
        }

        @Test
        void fullCoverage() {
            assertEquals(List.of(), ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x0 0x10000>;", "arm,smmu-v3"))
                    .lines("iommu-map-gaps"));
        }
    }

    @Nested
    class StreamIdRangeRule {
        @Test
        void smmuV2StreamIdBeyondSixteenBits() {
            // §9 S25 / §4.6: "stream ID 0x12345 out of range for SMMU (0xffff)" -> -ERANGE, no IOMMU
            String dts = soc(SMMU + mmc("iommus = <&smmu 0x12345>;"));
            assertOne(ProbeLint.dts(dts).lines("stream-id-out-of-range"),
                    "stream-id-out-of-range /soc/mmc@2000:iommus: entry 0 (/soc/iommu@1000): stream ID 0x12345 exceeds",
                    "-ERANGE", "\"stream ID 0x12345 out of range for SMMU (0xffff)\"");
        }

        @Test
        void smmuV2SixteenBitIdNeedsExids() {
            // the SMMU model implements NUMSIDB=15 (translate.smmu.SmmuConfig default, MMU-500)
            String dts = soc(SMMU + mmc("iommus = <&smmu 0x8010>;"));
            assertOne(ProbeLint.dts(dts).lines("stream-id-out-of-range"), "stream-id-out-of-range /soc/mmc@2000:iommus",
                    "stream ID 0x8010 needs 16 bits", "NUMSIDB=15");
        }

        @Test
        void smmuV3AndIpmmuLimits() {
            // SMMUv3 model: IDR1.SIDSIZE 16; the map's last output ID is 0x10000 + 0x10000 - 1
            assertOne(ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x10000 0x10000>;", "arm,smmu-v3"))
                    .lines("stream-id-out-of-range"),
                    "stream-id-out-of-range /pcie@10000000:iommu-map: entry 0 maps up to output ID 0x1ffff on /iommu@9050000",
                    "16 StreamID bits (IDR1.SIDSIZE)");
            // R-Car Gen3: 48 uTLBs (translate.ipmmu.IpmmuFeatures.GEN3)
            String ipmmu = BoundWithoutIommuRule.ipmmuBoard("""
                    mmc@ee100000 { compatible = "acme,dma"; reg = <0xee100000 0x100>; iommus = <&ipmmu 48>; };
                    """);
            assertOne(ProbeLint.dts(ipmmu).lines("stream-id-out-of-range"),
                    "stream-id-out-of-range /soc/mmc@ee100000:iommus: entry 0 (/soc/iommu@e67b0000): uTLB 48 does not "
                            + "exist: GEN3 IPMMUs have 48 micro-TLBs");
        }

        @Test
        void idsInRange() {
            assertEquals(List.of(), ProbeLint.dts(soc(SMMU + mmc("iommus = <&smmu 0x7fff>;"))).lines("stream-id-out-of-range"));
            assertEquals(List.of(), ProbeLint.dts(pciBoard("iommu-map = <0x0 &smmu 0x0 0x10000>;", "arm,smmu-v3"))
                    .lines("stream-id-out-of-range"));
        }
    }

    @Nested
    class DependencyCycleRule {
        static final String A_B = """
                a: clock-controller@a000 {
                    compatible = "%s";
                    reg = <0xa000 0x100>;
                    #clock-cells = <1>;
                    #power-domain-cells = <0>;
                    clocks = <&b 0>;
                };
                b: clock-controller@b000 {
                    compatible = "%s";
                    reg = <0xb000 0x100>;
                    #clock-cells = <1>;
                    %s
                };
                """;

        @Test
        void fwDevlinkFixesTheCycle() {
            // §9 S15: v6.3+ "Fixed dependency cycle(s)", both links relaxed, both bind
            String dts = soc(A_B.formatted("acme,cru", "acme,cru", "power-domains = <&a>;"));
            assertEquals(List.of("dependency-cycle /soc/clock-controller@a000:clocks: dependency cycle "
                    + "/soc/clock-controller@a000 -(clocks)-> /soc/clock-controller@b000 -(power-domains)-> "
                    + "/soc/clock-controller@a000: v6.6 relaxes these links and logs \"Fixed dependency cycle(s)\", so "
                    + "neither waits for the other and the probe order is left to the drivers' own -EPROBE_DEFER handling"),
                    ProbeLint.dts(dts).lines("dependency-cycle"));
        }

        @Test
        void driversThatNeedEachOthersClocksNeverBind() {
            // links relaxed, but each probe acquires the other's clock: both defer for ever
            String dts = soc(A_B.formatted("acme,pll", "acme,pll", "clocks = <&a 0>;"));
            DriverCatalog pll = TestDrivers.sampleBoardWith(platform("acme-pll", "acme,pll", 96000, List.of("clocks")));
            assertOne(ProbeLint.dts(dts).catalog(pll).lines("dependency-cycle"),
                    "dependency-cycle /soc/clock-controller@a000:clocks: dependency cycle",
                    "yet a000.clock-controller, b000.clock-controller never bind");
        }

        @Test
        void ofGraphLoopsAreExpected() {
            // remote-endpoint links point both ways by design; both ends bind
            String dts = soc("""
                    lcd@a000 { compatible = "acme,cru"; reg = <0xa000 0x100>;
                        port { lcd_out: endpoint { remote-endpoint = <&hdmi_in>; }; }; };
                    hdmi@b000 { compatible = "acme,cru"; reg = <0xb000 0x100>;
                        port { hdmi_in: endpoint { remote-endpoint = <&lcd_out>; }; }; };
                    """);
            assertEquals(List.of(), ProbeLint.dts(dts).lines("dependency-cycle"));
        }

        @Test
        void noCycle() {
            assertEquals(List.of(), ProbeLint.dts(soc(CRU + mmc("clocks = <&cru 7>;"))).lines("dependency-cycle"));
        }
    }

    @Nested
    class DmaOwnershipConflictRule {
        static final String SHARED_GROUP = BoundWithoutIommuRule.ipmmuBoard("""
                mmc@ee100000 { compatible = "acme,dma"; reg = <0xee100000 0x100>; iommus = <&ipmmu 32>; };
                mmc@ee140000 { compatible = "acme,dma"; reg = <0xee140000 0x100>; iommus = <&ipmmu 34>; };
                """);

        @Test
        void vfioBesideKernelDriverIsRefusedWithEbusy() {
            // §9 S14 (v5.19+): VFIO owns the IPMMU group; the kernel driver's dma_configure gets -EBUSY, silently
            assertOne(ProbeLint.dts(SHARED_GROUP).bind("ee100000.mmc", "vfio-platform").lines("dma-ownership-conflict"),
                    "dma-ownership-conflict /soc/mmc@ee140000:iommus: IOMMU group 0 (/soc/iommu@e67b0000) holds "
                            + "ee100000.mmc, bound to vfio-platform",
                    "kernel-DMA driver acme-dma", "fails with -EBUSY", "logs nothing");
        }

        @Test
        void beforeV519NothingChecks() {
            // §5.6: before v5.19 both bind and VFIO hits the BUG_ON in vfio_iommu_group_notifier()
            assertOne(ProbeLint.dts(SHARED_GROUP).kernel("5.15").bind("ee100000.mmc", "vfio-platform")
                    .lines("dma-ownership-conflict"), "dma-ownership-conflict /soc/mmc@ee140000:iommus",
                    "v5.15 has no DMA-ownership check", "BUG_ON in vfio_iommu_group_notifier()");
        }

        @Test
        void kernelDriversShareTheGroup() {
            assertEquals(List.of(), ProbeLint.dts(SHARED_GROUP).lines("dma-ownership-conflict"));
        }
    }

    @Nested
    class PciSplitIommuGroupRule {
        final DriverCatalog mlx5 = TestDrivers.sampleBoardWith(CatalogEntry.builtin(new DriverSpec("mlx5_core",
                List.of("pci15b3,1017"), BusType.PCI, InitcallLevel.DEVICE, 70000, null, List.of(), false, null, false)));
        final String board = pciBoard("iommu-map = <0x0 &smmu 0x0 0x10000>;", "arm,smmu-v3");

        @Test
        void endpointGroupedBeforeItsPort() {
            // §6 / §9 S13: pcieport defers (SMMU not registered), mlx5_core then probes the endpoint first
            assertEquals(List.of("pci-split-iommu-group /pcie@10000000/pcie@0,0/ethernet@0,0: 0000:01:00.0 is in IOMMU "
                    + "group 0 but its upstream bridge 0000:00:00.0 (no ACS) is in group 1: the endpoint was grouped "
                    + "before the bridge (groups form at driver probe up to v6.14; this is v6.6), so VFIO would treat "
                    + "devices that can reach each other by DMA as isolated"),
                    ProbeLint.dts(board).catalog(mlx5).lines("pci-split-iommu-group"));
        }

        @Test
        void v615GroupsAtIommuRegistration() {
            assertEquals(List.of(), ProbeLint.dts(board).kernel("6.15").catalog(mlx5).lines("pci-split-iommu-group"));
        }
    }

    @Nested
    class XenGrantDmaNoDriverRule {
        static final String XEN = """
                / {
                    #address-cells = <2>;
                    #size-cells = <2>;
                    xen_grant_dma: xen-grant-dma {
                        compatible = "xen,grant-dma";
                        #iommu-cells = <1>;
                    };
                    virtio@2000000 {
                        compatible = "virtio,mmio";
                        reg = <0x0 0x02000000 0x0 0x200>;
                        iommus = <&xen_grant_dma 1>;
                    };
                };
                """;

        @Test
        void v518HasNoStubDriver() {
            // §9 S16 (E4): virtio-mmio defers until late_initcall's pass gives up, and before v5.19 gets no grant ops
            assertOne(ProbeLint.dts(XEN).kernel("5.18").lines("xen-grant-dma-no-driver"),
                    "xen-grant-dma-no-driver /xen-grant-dma: no driver registers this grant-DMA IOMMU in v5.18 (driver "
                            + "xen-grant-dma-iommu for \"xen,grant-dma\" does not exist in v5.18 (added in v5.19))",
                    "2000000.virtio defers until the deferred-probe timeout gives up on it", "bypasses translation");
        }

        @Test
        void v61WithoutConfigWaitsTenSeconds() {
            DriverCatalog missing = DriverCatalog.bundled().with(FaultInjection.parse("missing:xen-grant-dma-iommu"));
            assertOne(ProbeLint.dts(XEN).kernel("6.1").catalog(missing).lines("xen-grant-dma-no-driver"),
                    "xen-grant-dma-no-driver /xen-grant-dma: no driver registers this grant-DMA IOMMU in v6.1",
                    "is not built (CONFIG_XEN_GRANT_DMA_IOMMU is not set)", "(bound at 10.0",
                    "Xen grant DMA ops (backend domain 1)");
        }

        @Test
        void v61WithTheStubDriver() {
            // §9 S17: the stub registers without of_xlate; virtio binds at once with grant ops
            assertEquals(List.of(), ProbeLint.dts(XEN).kernel("6.1").catalog(DriverCatalog.bundled())
                    .lines("xen-grant-dma-no-driver"));
        }
    }

    @Nested
    class StaleDmaOpsRule {
        static final String BOARD = soc(SMMU + mmc("clocks = <&cru 7>; iommus = <&smmu 0x10>;") + CRU);

        @Test
        void arm32BeforeV412KeepsIommuOps() {
            // §4.7: the mmc defers for its clock after the DMA setup; ARM32 <4.12 keeps dev->dma_ops
            assertOne(ProbeLint.dts(BOARD).kernel("4.11").arch(KernelProfile.Arch.ARM).lines("stale-dma-ops"),
                    "stale-dma-ops /soc/mmc@2000:iommus: its probe deferred after the IOMMU DMA setup",
                    "stale IOMMU ops", "fixed in v4.12");
        }

        @Test
        void arm64AndFixedKernels() {
            assertEquals(List.of(), ProbeLint.dts(BOARD).kernel("4.11").lines("stale-dma-ops"));
            assertEquals(List.of(), ProbeLint.dts(BOARD).kernel("4.14").arch(KernelProfile.Arch.ARM).lines("stale-dma-ops"));
        }
    }

    @Test
    void everyProbeRuleIsDeclaredProperly() {
        for (var r : ProbeRules.all()) {
            assertEquals(dev.dtprobe.lint.RuleCategory.PROBE, r.info().category(), r.id());
            assertTrue(r.info().aliases().isEmpty(), r.id());
            assertTrue(r.info().description().length() > 100, r.id());
            assertTrue(r.info().example().contains("{"), r.id());
        }
    }
}
