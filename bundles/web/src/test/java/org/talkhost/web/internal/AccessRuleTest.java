package org.talkhost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessRuleTest {
    @TempDir
    Path runtime;

    @Test
    void token_isMadeOnceWithModeOwnerOnly_andKept() throws Exception {
        ControlToken first = ControlToken.inFolder(runtime);
        Path file = runtime.resolve(ControlToken.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String value = Files.readString(file).trim();
        assertThat(value).hasSizeGreaterThanOrEqualTo(40);
        ControlToken again = ControlToken.inFolder(runtime);
        assertThat(Files.readString(file).trim()).isEqualTo(value);
        assertThat(first.accepts("Bearer " + value)).isTrue();
        assertThat(again.accepts("bearer " + value)).isTrue();
    }

    @Test
    void loopbackBind_readsAreOpenLocally_changesNeedTheToken() {
        AccessRule rule = new AccessRule(ControlToken.of("secret"), true);
        assertThat(rule.refusal(false, "127.0.0.1", null)).isNull();
        assertThat(rule.refusal(false, "0:0:0:0:0:0:0:1", null)).isNull();
        assertThat(rule.refusal(true, "127.0.0.1", null)).isEqualTo(AccessRule.NO_TOKEN);
        assertThat(rule.refusal(true, "127.0.0.1", "Bearer wrong")).isEqualTo(AccessRule.WRONG_TOKEN);
        assertThat(rule.refusal(true, "127.0.0.1", "Basic secret")).isEqualTo(AccessRule.WRONG_TOKEN);
        assertThat(rule.refusal(true, "127.0.0.1", "Bearer secret")).isNull();
        assertThat(rule.refusal(false, "192.168.1.20", null))
                .as("a caller from elsewhere")
                .isEqualTo(AccessRule.NO_TOKEN);
    }

    @Test
    void otherBind_everythingNeedsTheToken() {
        AccessRule rule = new AccessRule(ControlToken.of("secret"), false);
        assertThat(rule.refusal(false, "127.0.0.1", null)).isEqualTo(AccessRule.NO_TOKEN);
        assertThat(rule.refusal(false, "127.0.0.1", "Bearer secret")).isNull();
    }

    @Test
    void controlFile_tellsTheApiAddressAndPid_andGoesAway() throws Exception {
        ControlEndpoint endpoint = new ControlEndpoint(runtime);
        assertThat(runtime.resolve(ControlEndpoint.FILE))
                .as("no HTTP runtime yet")
                .doesNotExist();
        endpoint.serving(java.util.List.of("http://0.0.0.0:7850/"));
        assertThat(endpoint.access().loopbackBind()).isFalse();
        String json = Files.readString(runtime.resolve(ControlEndpoint.FILE));
        assertThat(json)
                .contains("\"api\":\"http://127.0.0.1:7850/talkhost/api/\"")
                .contains("\"pid\":" + ProcessHandle.current().pid());
        endpoint.stop();
        assertThat(runtime.resolve(ControlEndpoint.FILE)).doesNotExist();
    }
}
