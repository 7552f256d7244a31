package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class UrlJoinerTest {
    private static final URI BASE = URI.create("http://127.0.0.1:7851");

    @Test
    void v2RelativeUrlsGoOnTheTarget() {
        assertThat(UrlJoiner.join(BASE, "/audio/talkhost_1732520000abcde.wav"))
                .isEqualTo(URI.create("http://127.0.0.1:7851/audio/talkhost_1732520000abcde.wav"));
        assertThat(UrlJoiner.join(BASE, "audiocache/x.wav"))
                .isEqualTo(URI.create("http://127.0.0.1:7851/audiocache/x.wav"));
    }

    @Test
    void v1AbsoluteUrlsAreNotGluedToTheBase() {
        URI joined = UrlJoiner.join(BASE, "http://127.0.0.1:7851/audio/x.wav");
        assertThat(joined).isEqualTo(URI.create("http://127.0.0.1:7851/audio/x.wav"));
        assertThat(joined.toString()).doesNotContain("7851http");
    }

    @Test
    void anAbsoluteUrlWithAnotherAddressStillReachesTheTarget() {
        URI remote = URI.create("http://192.168.1.20:7852");
        assertThat(UrlJoiner.join(remote, "http://127.0.0.1:7852/audio/x.wav?t=1"))
                .isEqualTo(URI.create("http://192.168.1.20:7852/audio/x.wav?t=1"));
        assertThat(UrlJoiner.join(BASE, "//evil.example/audio/x.wav").getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void spacesAreEncodedAndEmptyIsNull() {
        assertThat(UrlJoiner.join(BASE, "/audio/my file.wav").toString())
                .isEqualTo("http://127.0.0.1:7851/audio/my%20file.wav");
        assertThat(UrlJoiner.join(BASE, "")).isNull();
        assertThat(UrlJoiner.join(BASE, null)).isNull();
    }
}
