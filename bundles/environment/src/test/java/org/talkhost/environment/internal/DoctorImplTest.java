package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.logging.OperationsLog;

class DoctorImplTest {
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> logged = new CopyOnWriteArrayList<>();
    DoctorImpl doctor;

    @AfterEach
    void stop() {
        release.countDown();
        if (doctor != null) {
            doctor.stop();
        }
    }

    DoctorImpl doctor(Object... settings) {
        doctor = new DoctorImpl(Configs.environment("checkTimeoutSeconds", 0.5), Configs.settings(settings));
        doctor.log = (level, message, args) -> logged.add(level + " " + fill(message, args));
        return doctor;
    }

    static String fill(String message, Object... args) {
        String s = message;
        for (Object a : args) {
            s = s.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
        }
        return s;
    }

    /** A check with a fixed answer, or a misbehaviour. */
    static EnvironmentCheck check(String id, java.util.function.Function<EnvironmentContext, CheckResult> body) {
        return new EnvironmentCheck() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return "Title " + id;
            }

            @Override
            public CheckResult run(EnvironmentContext context) {
                return body.apply(context);
            }
        };
    }

    static CheckResult answer(String id, CheckStatus status, boolean blocking) {
        return new CheckResult(id, "Title " + id, status, "Said " + id + ".", "", blocking, Duration.ZERO);
    }

    static Map<String, Object> order(int n) {
        return Map.of(CheckOrder.PROPERTY, n);
    }

    @Test
    void badAddOnsDoNotBreakTheReport() {
        DoctorImpl d = doctor();
        d.addCheck(check("good", c -> answer("good", CheckStatus.OK, false)), order(1));
        d.addCheck(
                check("throws", c -> {
                    throw new IllegalStateException("boom");
                }),
                order(2));
        d.addCheck(
                check("hangs", c -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // ignores interrupts, like a badly written add-on
                        while (release.getCount() > 0) {
                            Thread.onSpinWait();
                        }
                    }
                    return answer("hangs", CheckStatus.OK, false);
                }),
                order(3));
        d.addCheck(check("null", c -> null), order(4));
        d.addCheck(
                new EnvironmentCheck() {
                    @Override
                    public String id() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public String title() {
                        return null;
                    }

                    @Override
                    public CheckResult run(EnvironmentContext context) {
                        return new CheckResult(null, null, null, null, null, false, null);
                    }
                },
                order(5));

        long start = System.nanoTime();
        DoctorReport report = d.examine(true);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        List<CheckResult> r = report.results();
        assertThat(r)
                .extracting(CheckResult::status)
                .containsExactly(
                        CheckStatus.OK, CheckStatus.WARN, CheckStatus.WARN, CheckStatus.WARN, CheckStatus.WARN);
        assertThat(r.get(1).message())
                .contains("Title throws", "stopped with an error (boom)", "other checks are not affected");
        assertThat(r.get(2).message()).contains("Title hangs", "did not answer within 0.5 seconds");
        assertThat(r.get(2).fix()).contains("Run alltalk:doctor again");
        assertThat(r.get(3).message()).contains("gave no answer");
        assertThat(r.get(4).id()).isNotBlank();
        assertThat(report.blocking()).isFalse();

        DoctorReport again = d.examine(true);
        assertThat(again.results().get(2).message()).contains("still busy with an earlier run");
        assertThat(again.results().get(0).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void aBlockingFailureBlocksAndIsLogged() {
        DoctorImpl d = doctor();
        d.addCheck(check("b", c -> answer("b", CheckStatus.FAIL, true)), order(2));
        d.addCheck(check("a", c -> answer("a", CheckStatus.WARN, false)), order(1));
        DoctorReport report = d.examine(true);
        assertThat(report.blocking()).isTrue();
        assertThat(report.results()).extracting(CheckResult::id).containsExactly("a", "b");
        assertThat(logged).contains("WARNING Doctor: Title a WARN: Said a.", "ERROR Doctor: Title b FAIL: Said b.");
        assertThat(logged)
                .anyMatch(l -> l.startsWith("INFO Doctor: 2 checks in ")
                        && l.endsWith("0 OK, 1 warning, 1 failed, 0 skipped; a managed start is blocked by: Title b"));
    }

    @Test
    void resultsAreKeptAFewSecondsUnlessAskedFreshOrTheChecksChange() {
        DoctorImpl d = doctor();
        int[] runs = new int[1];
        d.addCheck(
                check("count", c -> {
                    runs[0]++;
                    return answer("count", CheckStatus.OK, false);
                }),
                order(1));
        DoctorReport first = d.examine(false);
        assertThat(d.examine(false)).isSameAs(first);
        assertThat(d.examine(true)).isNotSameAs(first);
        EnvironmentCheck extra = check("extra", c -> answer("extra", CheckStatus.OK, false));
        d.addCheck(extra, Map.of());
        assertThat(d.examine(false).results()).hasSize(2);
        d.removeCheck(extra);
        assertThat(d.examine(false).results()).hasSize(1);
        assertThat(runs[0]).isEqualTo(4);
    }

    @Test
    void theContextComesFromTheAllTalkSettings() {
        EnvironmentContext[] seen = new EnvironmentContext[1];
        DoctorImpl d = doctor(
                "installDir", "alltalk_tts", "python", " /opt/py ", "port", 7860, "ports", new int[] {7851, 7860, 7852
                });
        d.addCheck(
                check("ctx", c -> {
                    seen[0] = c;
                    return answer("ctx", CheckStatus.OK, false);
                }),
                order(1));
        d.examine(true);
        assertThat(seen[0].mode()).isEqualTo(Mode.MANAGED);
        assertThat(seen[0].installDir()).isEqualTo(HostPaths.home().resolve("alltalk_tts"));
        assertThat(seen[0].python()).isEqualTo("/opt/py");
        assertThat(seen[0].ports()).containsExactly(7860, 7851, 7852);

        d.configure(Configs.environment(), Configs.settings());
        d.examine(true);
        assertThat(seen[0].mode()).isEqualTo(Mode.STANDIN);
        assertThat(seen[0].installDir()).isNull();
    }

    @Test
    void aStartIsCheckedAgainstTheSettingsItUsesEvenBeforeTheDoctorHasSeenThem() {
        EnvironmentContext[] seen = new EnvironmentContext[1];
        DoctorImpl d = doctor();
        d.addCheck(
                check("ctx", c -> {
                    seen[0] = c;
                    return answer("ctx", c.mode() == Mode.MANAGED ? CheckStatus.FAIL : CheckStatus.OK, true);
                }),
                order(1));

        DoctorReport report = d.examine(Configs.settings(
                "mode",
                "managed",
                "installDir",
                "/opt/alltalk_tts",
                "python",
                "/usr/bin/python3",
                "launchScript",
                "tts_server.py"));

        assertThat(report.blocking()).isTrue();
        assertThat(seen[0].python()).isEqualTo("/usr/bin/python3");
        assertThat(seen[0].launchScript()).isEqualTo("tts_server.py");
        d.examine(true);
        assertThat(seen[0].mode())
                .as("the doctor's own settings are left alone")
                .isEqualTo(Mode.STANDIN);
    }

    @Test
    void aBrokenModeIsReportedAsABlockingConfigurationProblem() {
        DoctorImpl d = doctor("mode", "turbo");
        DoctorReport report = d.examine(true);
        assertThat(report.blocking()).isTrue();
        CheckResult r = report.results().get(0);
        assertThat(r.title()).isEqualTo("Configuration");
        assertThat(r.message()).contains("turbo");
        assertThat(r.fix()).contains("config/org.talkhost.alltalk.config");
    }

    @Test
    void withoutTheLoggingBundleNothingBreaks() {
        DoctorImpl d = doctor();
        d.log = OperationsLog.NONE;
        d.addCheck(check("x", c -> answer("x", CheckStatus.OK, false)), order(1));
        assertThat(d.examine(true).results()).hasSize(1);
    }
}
