package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.time.Duration;
import javax.inject.Inject;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
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
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Supervisor;

/** With the Felix Health Check API deployed, AllTalk's health is also a Felix health check. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthCheckExamTest {
    private static final int PORT = TalkHostExam.sharedPort("hc");

    @Inject
    BundleContext context;

    @Inject
    Supervisor supervisor;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(
                TalkHostExam.feature(TalkHostExam.home(
                        "mode=\"standin\"", "ports=I[\"" + PORT + "\"]", "standinArgs=\"--load-seconds 0 --no-ui\"")),
                TalkHostExam.portOption("hc", PORT),
                mavenBundle(
                        "org.apache.felix",
                        "org.apache.felix.healthcheck.api",
                        System.getProperty("felix.hc.api.version")));
    }

    @Test
    public void aHealthCheckNamedForAllTalkSaysOkWhenItIsReady() {
        assertThat(supervisor.ensureRunning(NoticeListener.NONE).ready()).isTrue();
        ServiceReference<HealthCheck> ref = await().atMost(Duration.ofSeconds(10))
                .until(() -> context.getServiceReference(HealthCheck.class), r -> r != null);
        assertThat(ref.getProperty(HealthCheck.NAME)).isEqualTo("AllTalk (TalkHost)");
        HealthCheck check = context.getService(ref);
        Result r = await().atMost(Duration.ofSeconds(20))
                .until(check::execute, res -> res.getStatus() == Result.Status.OK);
        assertThat(r.toString()).contains("AllTalk is ready");
    }
}
