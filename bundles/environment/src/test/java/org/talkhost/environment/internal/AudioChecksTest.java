package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;

@DisabledOnOs(OS.WINDOWS)
class AudioChecksTest {
    static final String INSTALL_ESPEAK = "sudo apt install espeak-ng";

    @TempDir
    Path dir;

    EspeakCheck espeak(String path) {
        return new EspeakCheck(new PathLookup(path), Duration.ofSeconds(2));
    }

    @Test
    void espeakFoundWithItsVersion() throws Exception {
        Path bin = dir.resolve("bin");
        Fakes.script(
                bin.resolve("espeak-ng"),
                "echo 'eSpeak NG text-to-speech: 1.51  Data at: /usr/share/espeak-ng-data'\n");
        CheckResult r = espeak(bin.toString()).run(Fakes.standin());
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).isEqualTo("espeak-ng 1.51 found at " + bin.resolve("espeak-ng") + ".");
    }

    @Test
    void noEspeakMeansATonefromTheStandIn() {
        CheckResult r = espeak(dir.resolve("bin-without-espeak").toString()).run(Fakes.standin());
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("stand-in cannot speak real words", "tone");
        assertThat(r.fix()).contains(INSTALL_ESPEAK, "dnf", "brew");
    }

    @Test
    void noEspeakWarnsForV2sPiperButNotForV1() throws Exception {
        CheckResult v2 = espeak("").run(Fakes.managed(Fakes.v2(dir.resolve("v2")), ""));
        assertThat(v2.status()).isEqualTo(CheckStatus.WARN);
        assertThat(v2.message()).contains("Piper engine", "no voice model loaded");
        assertThat(v2.fix()).contains(INSTALL_ESPEAK);

        CheckResult v1 = espeak("").run(Fakes.managed(Fakes.v1(dir.resolve("v1")), ""));
        assertThat(v1.status()).isEqualTo(CheckStatus.OK);
        assertThat(v1.message()).contains("AllTalk v1 does not need it");
    }

    PortAudioCheck portAudio(Path bin, List<Path> known) {
        return new PortAudioCheck(new PathLookup(bin.toString()), known, Duration.ofSeconds(2), false);
    }

    @Test
    void portAudioFoundByLdconfig() throws Exception {
        Path bin = dir.resolve("bin");
        Fakes.script(
                bin.resolve("ldconfig"),
                "echo '\tlibportaudio.so.2 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libportaudio.so.2'\n");
        CheckResult r = portAudio(bin, List.of()).run(Fakes.managed(Fakes.v2(dir.resolve("at")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains("/usr/lib/x86_64-linux-gnu/libportaudio.so.2");
    }

    @Test
    void portAudioFoundAtAKnownPath() throws Exception {
        Path bin = dir.resolve("bin");
        Fakes.script(bin.resolve("ldconfig"), "exit 0\n");
        Path lib = Files.writeString(dir.resolve("libportaudio.so.2"), "");
        CheckResult r = portAudio(bin, List.of(dir.resolve("nope.so"), lib))
                .run(Fakes.managed(Fakes.v2(dir.resolve("at")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains(lib.toString());
    }

    @Test
    void noPortAudioWarnsWithTheInstallCommand() throws Exception {
        Path bin = dir.resolve("bin");
        Fakes.script(bin.resolve("ldconfig"), "echo '\tlibc.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libc.so.6'\n");
        CheckResult r = portAudio(bin, List.of()).run(Fakes.managed(Fakes.v2(dir.resolve("at")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("cannot play speech on this computer's speakers itself", "TalkHost can still");
        assertThat(r.fix()).contains("sudo apt install libportaudio2", "brew install portaudio");
    }

    @Test
    void portAudioIsNotAskedForTheStandIn() throws Exception {
        assertThat(portAudio(dir, List.of()).run(Fakes.standin()).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void soundDevices() {
        CheckResult none = new SoundOutputCheck(List::of).run(Fakes.standin());
        assertThat(none.status()).isEqualTo(CheckStatus.WARN);
        assertThat(none.message()).contains("cannot play speech aloud", "WAV files");
        assertThat(none.fix()).contains("PulseAudio", "WAV file output");

        CheckResult some = new SoundOutputCheck(() -> List.of("PulseAudio Mixer", "default [default]", "HDMI", "USB"))
                .run(Fakes.standin());
        assertThat(some.status()).isEqualTo(CheckStatus.OK);
        assertThat(some.message())
                .contains("4 sound output device(s)", "PulseAudio Mixer, default [default], HDMI, ...");

        CheckResult broken = new SoundOutputCheck(() -> {
                    throw new IllegalStateException("ALSA lib confused");
                })
                .run(Fakes.standin());
        assertThat(broken.status()).isEqualTo(CheckStatus.WARN);
        assertThat(broken.message()).contains("ALSA lib confused");
    }
}
