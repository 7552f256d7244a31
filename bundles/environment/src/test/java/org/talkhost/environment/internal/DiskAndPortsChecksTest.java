package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.config.Instances;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;

class DiskAndPortsChecksTest {
    static final long GB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    CheckResult disk(double freeGb, boolean managed) throws Exception {
        Path seen[] = new Path[1];
        DiskSpaceCheck check = new DiskSpaceCheck(
                p -> {
                    seen[0] = p;
                    return (long) (freeGb * GB);
                },
                () -> dir);
        CheckResult r = check.run(managed ? Fakes.managed(Fakes.v2(dir.resolve("at")), "") : Fakes.standin());
        assertThat(seen[0]).isEqualTo(managed ? dir.resolve("at") : dir);
        return r;
    }

    @Test
    void diskSpaceThresholds() throws Exception {
        assertThat(disk(40, true).status()).isEqualTo(CheckStatus.OK);
        assertThat(disk(40, true).message()).contains("40.0 GB free for voice models");

        CheckResult low = disk(3.2, true);
        assertThat(low.status()).isEqualTo(CheckStatus.WARN);
        assertThat(low.message()).contains("Only 3.2 GB", "voice model (about 2 GB)");
        assertThat(low.fix()).contains("Free some space");

        CheckResult full = disk(0.4, true);
        assertThat(full.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(full.blocks()).isFalse();
        assertThat(full.fix()).contains("Free at least a few GB");

        assertThat(disk(3.2, false).status()).isEqualTo(CheckStatus.OK);
        assertThat(disk(0.4, false).status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void diskSpaceOfAFolderNotYetCreatedIsThatOfItsParent() {
        Path[] seen = new Path[1];
        new DiskSpaceCheck(
                        p -> {
                            seen[0] = p;
                            return 10 * GB;
                        },
                        () -> dir)
                .run(Fakes.managed(dir.resolve("not/yet"), ""));
        assertThat(seen[0]).isEqualTo(dir);
    }

    static PortManager survey(PortStatus... statuses) {
        return new PortManager() {
            @Override
            public List<PortStatus> survey() {
                return List.of(statuses);
            }

            @Override
            public PortChoice choose(org.talkhost.api.detection.ServerKind flavour) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean stillFree(int port) {
                return true;
            }

            @Override
            public String persist(PortChoice choice, Path allTalkDir, org.talkhost.api.detection.ServerKind flavour) {
                return "";
            }
        };
    }

    @Test
    void portsReportTheSurveyOrAreSkippedWithoutThePortsComponent() {
        PortsCheck check = new PortsCheck();
        assertThat(check.run(Fakes.standin()).status()).isEqualTo(CheckStatus.SKIPPED);

        PortManager first = survey(
                new PortStatus(7851, PortHolder.FOREIGN, "another program answers there (HTTP 200)"),
                new PortStatus(7852, PortHolder.FREE, "free"));
        check.addPorts(first, Map.of());
        CheckResult ok = check.run(Fakes.standin());
        assertThat(ok.status()).isEqualTo(CheckStatus.OK);
        assertThat(ok.message()).isEqualTo("7851 another program answers there (HTTP 200); 7852 free.");

        check.removePorts(first, Map.of());
        check.addPorts(
                survey(
                        new PortStatus(7851, PortHolder.FOREIGN, "another program answers there"),
                        new PortStatus(7852, PortHolder.UNBINDABLE, "cannot be bound")),
                Map.of(Instances.NAME, Instances.DEFAULT));
        CheckResult taken = check.run(Fakes.standin());
        assertThat(taken.status()).isEqualTo(CheckStatus.WARN);
        assertThat(taken.blocks()).isFalse();
        assertThat(taken.fix()).contains("add a free port to ports in config/org.talkhost.alltalk.config");
    }

    @Test
    void eachInstancesDoctorReportsThatInstancesOwnPorts() {
        PortsCheck check = new PortsCheck();
        check.addPorts(survey(new PortStatus(7851, PortHolder.ALLTALK, "already used by AllTalk")), Map.of());
        check.addPorts(survey(new PortStatus(7861, PortHolder.FREE, "free")), Map.of(Instances.NAME, "gpu2"));
        EnvironmentContext standin = Fakes.standin();
        EnvironmentContext gpu2 =
                new EnvironmentContext(standin.mode(), null, "", "127.0.0.1", List.of(7861), "", "gpu2");

        assertThat(check.run(gpu2).message()).isEqualTo("7861 free.");
        assertThat(check.run(standin).message()).isEqualTo("7851 already used by AllTalk.");
        assertThat(check.run(new EnvironmentContext(standin.mode(), null, "", "127.0.0.1", List.of(7871), "", "gone"))
                        .status())
                .isEqualTo(CheckStatus.SKIPPED);
    }
}
