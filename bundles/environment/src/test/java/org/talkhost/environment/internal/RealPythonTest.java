package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The probe script against the real python3 of this machine, when there is one. */
class RealPythonTest {
    final Optional<Path> python = PathLookup.system().find("python3");

    @Test
    void identity() {
        assumeTrue(python.isPresent(), "no python3 on the PATH");
        PythonProbe.Answer a = Fakes.probe().identity(python.get());
        assertThat(a.outcome().err()).isEmpty();
        assertThat(a.get("version")).matches("3\\.\\d+\\.\\d+");
        assertThat(a.get("prefix")).isNotBlank();
        assertThat(a.values()).containsKeys("executable", "base_prefix", "conda_env");
    }

    @Test
    void packagesInOneRun() {
        assumeTrue(python.isPresent(), "no python3 on the PATH");
        PythonProbe.Answer a =
                Fakes.probe().packages(python.get(), List.of("json", "talkhost_no_such_package", "sqlite3"));
        assertThat(a.outcome().err()).isEmpty();
        assertThat(a.values()).containsKeys("ok.json", "ok.sqlite3");
        assertThat(a.get("missing.talkhost_no_such_package")).isEqualTo("not installed");
    }
}
