package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v2's Gradio web UI port: from confignew.json's launch_gradio, --ui-port, --no-ui, and its bind error. */
class WebUiTest {

    @TempDir
    Path dir;

    private void config(int uiPort) throws Exception {
        Files.writeString(
                dir.resolve("confignew.json"),
                "{\"launch_gradio\": true, \"gradio_port_number\": " + uiPort
                        + ", \"api_def\": {\"api_port_number\": 7851}}");
    }

    @Test
    void launchGradioServesAPageOnTheGradioPort() throws Exception {
        int uiPort = PortRulesTest.freePort();
        config(uiPort);
        try (Running server = Running.start(dir, "v2", "--no-espeak")) {
            assertThat(server.standin.uiPort()).isEqualTo(uiPort);
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("AllTalk");
        }
    }

    @Test
    void noUiWithoutConfigOrWithNoUi() throws Exception {
        try (Running server = Running.start(dir, "v2", "--no-espeak")) {
            assertThat(server.standin.uiPort()).isEqualTo(-1);
        }
        config(PortRulesTest.freePort());
        try (Running server = Running.start(dir, "v2", "--no-espeak", "--no-ui")) {
            assertThat(server.standin.uiPort()).isEqualTo(-1);
        }
    }

    @Test
    void aTakenUiPortEndsStartUpAndClosesTheApiPortAgain() throws Exception {
        int apiPort = PortRulesTest.freePort();
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Running.Output out = new Running.Output();
            assertThatThrownBy(() -> Standin.start(
                            Running.options(
                                    dir,
                                    "v2",
                                    "--port",
                                    Integer.toString(apiPort),
                                    "--ui-port",
                                    Integer.toString(taken.getLocalPort())),
                            out.console,
                            c -> {}))
                    .isInstanceOf(StartupFailure.class);
            assertThat(out.text()).contains("[Errno 98]").contains(Integer.toString(taken.getLocalPort()));
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", apiPort).close()).isInstanceOf(ConnectException.class);
    }
}
