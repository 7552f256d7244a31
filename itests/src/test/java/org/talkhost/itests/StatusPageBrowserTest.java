package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page at /talkhost/ in a real browser (Debian's chromium, headless, through chromedriver)
 * against a real TalkHost and the stand-in: what a person sees and does there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ScenarioHome home;
    private static HostProcess host;
    private static ControlApi api;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as(
                        "this test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver "
                                + "(.ci/run installs them)")
                .isTrue();
        FixedPorts.assertFreeAndNoStandinRunning();
        home = ScenarioHome.create();
        host = HostProcess.service(home);
        api = new ControlApi(home.dir());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(api::ready);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--window-size=1000,1400",
                        "--autoplay-policy=no-user-gesture-required");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        browser.get("http://127.0.0.1:7850/talkhost/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.close();
        }
        if (home != null) {
            home.close();
        }
    }

    private static WebDriverWait within(Duration d) {
        return new WebDriverWait(browser, d, Duration.ofMillis(50));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    @Test
    @Order(1)
    void pageSaysReady_withWhereAllTalkRuns() {
        within(Duration.ofSeconds(10)).until(b -> "Ready".equals(text("badge")));
        assertThat(text("address")).isEqualTo("http://127.0.0.1:7851");
        assertThat(text("pid")).matches("\\d+");
        assertThat(browser.findElement(By.cssSelector("label[for=token]")).getText())
                .isEqualTo("Control token");
    }

    @Test
    @Order(2)
    void killMinus9_showsTheRestartWithin2SecondsWithoutReload() {
        long pid = Long.parseLong(text("pid"));
        browser.findElement(By.id("say-text")).click(); // a person is on the page: the live stream is open
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        within(Duration.ofSeconds(2))
                .until(b ->
                        !"Ready".equals(text("badge")) || !String.valueOf(pid).equals(text("pid")));
        within(Duration.ofSeconds(30))
                .until(b ->
                        "Ready".equals(text("badge")) && !String.valueOf(pid).equals(text("pid")));
    }

    @Test
    @Order(3)
    void restart_withoutTheTokenIsRefusedPlainly_withItThePidChanges() {
        browser.findElement(By.id("forget")).click();
        String before = text("pid");
        browser.findElement(By.id("restart")).click();
        within(Duration.ofSeconds(5)).until(b -> text("action-result").contains("control token"));
        assertThat(browser.findElement(By.id("action-result")).getAttribute("class"))
                .contains("refused");
        assertThat(text("pid")).isEqualTo(before);

        browser.findElement(By.id("token")).sendKeys(api.token());
        browser.findElement(By.id("restart")).click();
        within(Duration.ofSeconds(30)).until(b -> "Ready".equals(text("badge")) && !before.equals(text("pid")));
    }

    @Test
    @Order(4)
    void speak_givesAnAudioPlayerWithSound() {
        WebElement box = browser.findElement(By.id("say-text"));
        if (text("token").isEmpty()
                && browser.findElement(By.id("token")).getAttribute("value").isEmpty()) {
            browser.findElement(By.id("token")).sendKeys(api.token());
        }
        box.clear();
        box.sendKeys("Hello from the status page.");
        browser.findElement(By.id("speak")).click();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        within(Duration.ofSeconds(30)).until(b -> {
            Object d = js.executeScript("return document.getElementById('player').duration;");
            return d instanceof Number && ((Number) d).doubleValue() > 0 && !Double.isNaN(((Number) d).doubleValue());
        });
        assertThat(text("say-result")).doesNotContain("refused");
    }
}
