package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.talkhost.api.client.ServerFailureException;

/** The header of a streamed answer: AllTalk's 16-bit one is taken, a float one refused in plain words. */
class StreamingAudioHeaderTest {

    private static byte[] header(int format, int bits) {
        int frame = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) format)
                .putShort((short) 1)
                .putInt(24_000)
                .putInt(24_000 * frame)
                .putShort((short) frame)
                .putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(0);
        return b.array();
    }

    @Test
    void aSixteenBitStreamHeaderGivesItsRate() {
        assertThat(StreamingAudio.sampleRate(header(1, 16), "127.0.0.1:7851")).isEqualTo(24_000);
    }

    @Test
    void aFloatStreamHeaderIsRefusedInsteadOfPlayedAsNoise() {
        assertThatThrownBy(() -> StreamingAudio.sampleRate(header(3, 32), "127.0.0.1:7851"))
                .isInstanceOf(ServerFailureException.class)
                .hasMessageContaining("cannot play")
                .hasMessageContaining("127.0.0.1:7851");
    }
}
