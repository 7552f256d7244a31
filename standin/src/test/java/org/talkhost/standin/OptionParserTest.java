package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line: defaults, plain-word errors, and a --help that names every option. */
class OptionParserTest {

    @Test
    void defaultsMatchAllTalksTimings() {
        Options o = OptionParser.parse("--flavor", "v2", "--dir", "/tmp/x");
        assertThat(o.flavor()).isEqualTo(Flavor.V2);
        assertThat(o.loadSeconds()).isEqualTo(2.0);
        assertThat(o.reloadSeconds()).isEqualTo(0.5);
        assertThat(o.port()).isNull();
        assertThat(o.concurrent()).isFalse();
        assertThat(o.faults()).isEmpty();
    }

    @Test
    void valuesMayFollowOrUseEquals() {
        Options o = OptionParser.parse(
                "--flavor=v1",
                "--dir",
                "d",
                "--load-seconds=0.25",
                "--print-line",
                "a",
                "--print-line",
                "b",
                "--hang-after-requests",
                "3",
                "--fail-generate");
        assertThat(o.loadSeconds()).isEqualTo(0.25);
        assertThat(o.printLines()).containsExactly("a", "b");
        assertThat(o.faults()).containsEntry("hang-after-requests", "3").containsEntry("fail-generate", "true");
    }

    @Test
    void badCommandLinesAreExplainedInPlainWords() {
        assertThatThrownBy(() -> OptionParser.parse("--dir", "d")).hasMessageContaining("--flavor v1|v2 is missing");
        assertThatThrownBy(() -> OptionParser.parse("--flavor", "v1")).hasMessageContaining("--dir DIR is missing");
        assertThatThrownBy(() -> OptionParser.parse("--flavor", "v1", "--dir", "d", "--port", "http"))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> OptionParser.parse("--flavor", "v1", "--dir", "d", "--drip-ms", "-5"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> OptionParser.parse("--flavor", "v1", "--dir", "d", "--frobnicate"))
                .hasMessageContaining("unknown option '--frobnicate'");
        assertThatThrownBy(() -> OptionParser.parse("--flavor", "v1", "--dir", "d", "--port"))
                .hasMessageContaining("needs a value");
    }

    @Test
    void helpNamesEveryOptionAndEveryFault() {
        String help = Main.help();
        for (String option : new String[] {
            "--flavor",
            "--dir",
            "--port",
            "--host",
            "--ui-port",
            "--no-ui",
            "--load-seconds",
            "--reload-seconds",
            "--concurrent",
            "--no-espeak",
            "--print-line",
            "--control",
            "--exit-during-load",
            "--help"
        }) {
            assertThat(help).contains(option);
        }
        for (String fault : Faults.NAMES) {
            assertThat(help).contains("--" + fault);
        }
    }
}
