package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the port and address come from: the command line, else confignew.json as each flavour reads it. */
class PortRulesTest {

    @TempDir
    Path dir;

    private final Console quiet = new Running.Output().console;

    private AllTalkConfig config(String flavor, String json) throws Exception {
        if (json != null) {
            Files.writeString(dir.resolve("confignew.json"), json);
        }
        return AllTalkConfig.read(Flavor.parse(flavor), dir, quiet);
    }

    private Options options(String flavor, String... more) {
        return OptionParser.parse(concat(new String[] {"--flavor", flavor, "--dir", dir.toString()}, more));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void v1ReadsPortNumberAsAStringAndIpAddress() throws Exception {
        AllTalkConfig c = config("v1", "{\"port_number\": \"7999\", \"ip_address\": \"127.0.0.2\"}");
        assertThat(PortChoice.apiPort(options("v1"), c, quiet)).isEqualTo(7999);
        assertThat(PortChoice.host(options("v1"), c)).isEqualTo("127.0.0.2");
    }

    @Test
    void v2ReadsApiDefPortAsAnIntAndBindsEverywhere() throws Exception {
        AllTalkConfig c = config("v2", "{\"port_number\": \"1111\", \"api_def\": {\"api_port_number\": 7998}}");
        assertThat(PortChoice.apiPort(options("v2"), c, quiet)).isEqualTo(7998);
        assertThat(PortChoice.host(options("v2"), c)).isEqualTo("0.0.0.0");
        assertThat(PortChoice.uiPort(options("v2"), c))
                .as("no launch_gradio, no UI")
                .isNull();
    }

    @Test
    void withoutConfigTheDefaultsAre7851AndLoopbackForV1() throws Exception {
        assertThat(PortChoice.apiPort(options("v1"), config("v1", null), quiet)).isEqualTo(7851);
        assertThat(PortChoice.apiPort(options("v2"), config("v2", null), quiet)).isEqualTo(7851);
        assertThat(PortChoice.host(options("v1"), config("v1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void theCommandLineWins() throws Exception {
        AllTalkConfig c = config(
                "v2",
                "{\"launch_gradio\": true, \"gradio_port_number\": 7777, \"api_def\": {\"api_port_number\": 7998}}");
        assertThat(PortChoice.apiPort(options("v2", "--port", "8001"), c, quiet))
                .isEqualTo(8001);
        assertThat(PortChoice.host(options("v2", "--host", "127.0.0.1"), c)).isEqualTo("127.0.0.1");
        assertThat(PortChoice.uiPort(options("v2"), c)).isEqualTo(7777);
        assertThat(PortChoice.uiPort(options("v2", "--ui-port", "8002"), c)).isEqualTo(8002);
        assertThat(PortChoice.uiPort(options("v2", "--no-ui"), c)).isNull();
        assertThat(PortChoice.uiPort(options("v1", "--ui-port", "8002"), c))
                .as("v1 has no web UI")
                .isNull();
    }

    @Test
    void aServerListensOnThePortItsFlavourReadsFromConfig() throws Exception {
        int v1Port = freePort();
        Files.writeString(dir.resolve("confignew.json"), "{\"port_number\": \"" + v1Port + "\"}");
        Options o = OptionParser.parse("--flavor", "v1", "--dir", dir.toString(), "--load-seconds", "0", "--no-espeak");
        try (Standin s = Standin.start(o, quiet, code -> {})) {
            assertThat(s.port()).isEqualTo(v1Port);
        }
        int v2Port = freePort();
        Files.writeString(dir.resolve("confignew.json"), "{\"api_def\": {\"api_port_number\": " + v2Port + "}}");
        Options o2 = OptionParser.parse(
                "--flavor", "v2", "--dir", dir.toString(), "--host", "127.0.0.1", "--load-seconds", "0", "--no-espeak");
        try (Standin s = Standin.start(o2, quiet, code -> {})) {
            assertThat(s.port()).isEqualTo(v2Port);
        }
    }

    @Test
    void aConfigThatDoesNotParseEndsStartUpLikePython() throws Exception {
        Files.writeString(dir.resolve("confignew.json"), "{ not json");
        Running.Output out = new Running.Output();
        assertThatThrownBy(() -> Standin.start(Running.options(dir, "v1"), out.console, code -> {}))
                .isInstanceOf(StartupFailure.class)
                .satisfies(e -> assertThat(((StartupFailure) e).exitCode()).isEqualTo(1));
        assertThat(out.text()).contains("json.decoder.JSONDecodeError");
    }

    @Test
    void aTakenPortEndsStartUpWithAllTalksErrno98Line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Running.Output out = new Running.Output();
            assertThatThrownBy(() -> Standin.start(
                            Running.options(dir, "v1", "--port", Integer.toString(taken.getLocalPort())),
                            out.console,
                            code -> {}))
                    .isInstanceOf(StartupFailure.class);
            assertThat(out.text())
                    .contains("[Errno 98] error while attempting to bind on address ('127.0.0.1', "
                            + taken.getLocalPort() + "): address already in use");
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
