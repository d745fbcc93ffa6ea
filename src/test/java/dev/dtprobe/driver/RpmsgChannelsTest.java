package dev.dtprobe.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.KernelVersion;
import org.junit.jupiter.api.Test;

/**
 * Qualcomm SMD and GLINK transports create an rpmsg device per channel node, named as
 * {@code rpmsg_register_device} names it ("parent.channel.-1.-1", the SMD parent being the edge
 * device "smd:edge"); the RPM channel's driver, qcom_smd_rpm, populates its clock and regulator
 * children as platform devices.
 */
class RpmsgChannelsTest {
    private static BootResult boot(String dts) {
        var tree = new TreeLoader(LoadOptions.defaults()).loadDts("rpm.dts", dts).tree();
        return new BootSimulation(KernelProfile.forVersion(KernelVersion.parse("6.6"), true, KernelProfile.Arch.ARM64),
                DriverCatalog.bundled()).run(tree);
    }

    @Test
    void smdEdgeChannelsAreRpmsgDevicesAndTheRpmPopulatesItsChildren() {
        BootResult r = boot("""
                /dts-v1/;
                / {
                    smd {
                        compatible = "qcom,smd";
                        rpm {
                            qcom,smd-edge = <15>;
                            rpm_requests {
                                compatible = "qcom,rpm-msm8916";
                                qcom,smd-channels = "rpm_requests";
                                rpmcc { compatible = "qcom,rpmcc-msm8916"; #clock-cells = <1>; };
                            };
                            unnamed { compatible = "qcom,rpm-msm8916"; };
                        };
                    };
                };
                """);
        Device channel = r.find("smd:rpm.rpm_requests.-1.-1");
        assertEquals(BusType.RPMSG, channel.bus());
        assertEquals(DeviceState.BOUND, channel.state());
        assertEquals("qcom_smd_rpm", channel.driver().name());
        assertEquals(r.find("smd"), channel.parent());
        Device rpmcc = r.find("smd:rpm:rpm_requests:rpmcc");
        assertEquals(channel, rpmcc.parent());
        assertEquals("qcom-clk-smd-rpm", rpmcc.driver().name());
        assertNull(r.find("unnamed"), "a node naming no channel gets no rpmsg device");
    }

    @Test
    void glinkChannelsAreTheTransportsChildren() {
        BootResult r = boot("""
                /dts-v1/;
                / {
                    rpm-glink {
                        compatible = "qcom,glink-rpm";
                        rpm-requests {
                            compatible = "qcom,rpm-msm8996";
                            qcom,glink-channels = "rpm_requests";
                        };
                    };
                };
                """);
        Device channel = r.find("rpm-glink.rpm_requests.-1.-1");
        assertEquals(BusType.RPMSG, channel.bus());
        assertEquals("qcom_smd_rpm", channel.driver().name());
    }
}
