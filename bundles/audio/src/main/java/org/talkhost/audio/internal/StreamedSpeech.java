package org.talkhost.audio.internal;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;

/** Speech streamed from AllTalk, played chunk by chunk as it arrives. */
final class StreamedSpeech {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedSpeech.class);
    private static final int HEAD = 64;
    private static final int CHUNK = 4800;

    private final AllTalkClient client;
    private final StreamingSupport support;
    private final SpeechChecks checks;
    private final AudioNotices notices;

    StreamedSpeech(AllTalkClient client, StreamingSupport support, SpeechChecks checks, AudioNotices notices) {
        this.client = client;
        this.support = support;
        this.checks = checks;
        this.notices = notices;
    }

    /** Plays the stream; false when the server does not offer streaming (make a whole file instead). */
    boolean play(SpeakJob job, GenerateRequest request, Delivery delivery) {
        job.phase(SpeakJob.Phase.STREAMING);
        AudioStream stream;
        try {
            stream = client.stream(request);
        } catch (ServerFailureException e) {
            if (e.status() == 404 || e.status() == 405) {
                LOG.info("AllTalk does not offer streaming ({}); making whole files from now on", e.detail());
                support.cannot(client);
                return false;
            }
            throw e;
        }
        job.attach(stream);
        try (stream) {
            pump(job, stream, delivery);
        } catch (IOException e) {
            if (!job.aborted()) {
                throw new UnavailableException(notices.text("audio.stream-broke"), e.toString(), e);
            }
        }
        return true;
    }

    private void pump(SpeakJob job, AudioStream stream, Delivery delivery) throws IOException {
        InputStream in = stream.pcm();
        byte[] head = new byte[HEAD];
        int n = readHead(in, head);
        if (job.aborted()) {
            return;
        }
        String lookedLike = AnswerSniffer.lookedLike(head, n);
        if (lookedLike != null) {
            throw checks.notSound(
                    new NotSoundException(lookedLike, "stream started with: " + AnswerSniffer.excerpt(head, n)));
        }
        if (stream.sampleRate() <= 0) {
            throw checks.notSound(new NotSoundException(
                    "audio.looked.format", "stream sample rate " + stream.sampleRate(), "no sample rate"));
        }
        int skip = n >= WavHeader.SIZE && startsWithWavHeader(head) ? WavHeader.SIZE : 0;
        delivery.begin(stream.sampleRate(), 1);
        SampleAligner aligner = new SampleAligner(1);
        byte[] first = aligner.align(head, skip, n - skip);
        delivery.play(first, 0, first.length);
        byte[] buf = new byte[CHUNK];
        int read;
        while (!job.aborted() && (read = in.read(buf)) >= 0) {
            byte[] chunk = aligner.align(buf, 0, read);
            delivery.play(chunk, 0, chunk.length);
        }
    }

    private static int readHead(InputStream in, byte[] head) throws IOException {
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** A stream that still carries AllTalk's WAV header (the client normally reads it). */
    private static boolean startsWithWavHeader(byte[] b) {
        return b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'A';
    }
}
