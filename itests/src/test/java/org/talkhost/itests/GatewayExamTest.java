package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Supervisor;

/**
 * The gateway's whiteboard wiring in the feature as built: its servlet is registered with the Felix HTTP
 * runtime (asynchronous, at {@code /}), the runtime listens on the gateway's configured port (a free one,
 * never 7850), {@code /api/ready} answers there as AllTalk does, the runtime follows a new port, and a
 * non-loopback address without a token takes the servlet away with a plain reason.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GatewayExamTest {
    private static final int[] PORTS = ExamSupport.sharedPorts("gw-alltalk", "gw-http");
    private static final int ALLTALK = PORTS[0];
    private static final int GATEWAY = PORTS[1];
    private static final String SERVLET = "talkhost-gateway";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    BundleContext context;

    @Inject
    Supervisor supervisor;

    @Inject
    HttpServiceRuntime runtime;

    @Inject
    ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        Path home = TalkHostExam.home(
                "mode=\"standin\"", "ports=I[\"" + ALLTALK + "\"]", "standinArgs=\"--load-seconds 0 --no-ui\"");
        ExamSupport.writeConfig(home, GatewayStatus.PID, "port=I\"" + GATEWAY + "\"");
        return OptionUtils.combine(
                TalkHostExam.feature(home),
                TalkHostExam.portOption("gw-alltalk", ALLTALK),
                TalkHostExam.portOption("gw-http", GATEWAY));
    }

    @Test
    public void a_theServletIsOnTheWhiteboardAndAnswersOnTheConfiguredPort() throws Exception {
        assertThat(supervisor.ensureRunning(NoticeListener.NONE).ready()).isTrue();
        ServletDTO servlet = await().atMost(Duration.ofSeconds(15))
                .alias("the gateway servlet in the runtime's DTOs")
                .until(() -> gatewayServlet(runtime.getRuntimeDTO()), Optional::isPresent)
                .get();
        assertThat(servlet.patterns).containsExactly("/");
        assertThat(servlet.asyncSupported)
                .as("held requests leave the container's thread")
                .isTrue();
        assertThat(Arrays.stream(runtime.getRuntimeDTO().failedServletDTOs).map(f -> f.name))
                .doesNotContain(SERVLET);

        ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
        Object endpoint = ref.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        assertThat(endpoint instanceof Object[] a ? Arrays.toString(a) : String.valueOf(endpoint))
                .contains(":" + GATEWAY + "/")
                .doesNotContain(":7850");

        HttpResponse<String> direct = get(ALLTALK, "/api/ready");
        HttpResponse<String> through = await().atMost(Duration.ofSeconds(10))
                .until(() -> get(GATEWAY, "/api/ready"), r -> r != null && r.statusCode() == 200);
        assertThat(through.body()).isEqualTo("Ready").isEqualTo(direct.body());
        assertThat(get(GATEWAY, "/api/voices").body())
                .isEqualTo(get(ALLTALK, "/api/voices").body());

        GatewayStatus status = context.getService(context.getServiceReference(GatewayStatus.class));
        await().atMost(Duration.ofSeconds(10))
                .alias("the gateway says it serves")
                .until(status::serving);
        assertThat(status.address()).isEqualTo("http://127.0.0.1:" + GATEWAY);
        await().atMost(Duration.ofSeconds(5)).alias("requests served, counted").until(() -> status.served() >= 2);
    }

    @Test
    public void b_aNewPortMovesTheRuntimeAndTheGatewayWithIt() throws Exception {
        assertThat(supervisor.ensureRunning(NoticeListener.NONE).ready()).isTrue();
        int moved = TalkHostExam.freePort();
        try {
            gatewaySetting("port", moved);
            await().atMost(Duration.ofSeconds(15))
                    .alias("/api/ready on the new port " + moved)
                    .until(() -> get(moved, "/api/ready"), r -> r != null && "Ready".equals(r.body()));
            assertThat(get(GATEWAY, "/api/ready"))
                    .as("nothing answers on the old port")
                    .isNull();
        } finally {
            gatewaySetting("port", GATEWAY);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> get(GATEWAY, "/api/ready"), r -> r != null && "Ready".equals(r.body()));
        }
    }

    @Test
    public void c_aNetworkAddressWithoutATokenIsRefusedSayingWhy() throws Exception {
        assertThat(supervisor.ensureRunning(NoticeListener.NONE).ready()).isTrue();
        try {
            gatewaySetting("bindAddress", "0.0.0.0");
            GatewayStatus status = context.getService(context.getServiceReference(GatewayStatus.class));
            await().atMost(Duration.ofSeconds(15)).until(() -> !status.serving());
            assertThat(status.explanation())
                    .contains("did not start")
                    .contains("0.0.0.0")
                    .contains("no token")
                    .contains("org.talkhost.gateway.config");
            assertThat(status.explanation()).doesNotContain("Exception", "\tat ", "null");
            await().atMost(Duration.ofSeconds(10))
                    .alias("the servlet leaves the runtime")
                    .until(() -> gatewayServlet(runtime.getRuntimeDTO()).isEmpty());
            HttpResponse<String> r = get(GATEWAY, "/api/ready");
            assertThat(r == null || r.statusCode() == 404)
                    .as("AllTalk is no longer reachable through the gateway")
                    .isTrue();
        } finally {
            gatewaySetting("bindAddress", "127.0.0.1");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> get(GATEWAY, "/api/ready"), r -> r != null && "Ready".equals(r.body()));
        }
    }

    private void gatewaySetting(String key, Object value) throws IOException {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(GatewayStatus.PID, "?");
        Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        p.put(key, value);
        c.update(p);
    }

    private static Optional<ServletDTO> gatewayServlet(RuntimeDTO dto) {
        return Arrays.stream(dto.servletContextDTOs)
                .flatMap(c -> Arrays.stream(c.servletDTOs))
                .filter(s -> SERVLET.equals(s.name))
                .findFirst();
    }

    /** The answer of {@code GET http://127.0.0.1:port/path}, or null when nothing answers. */
    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
