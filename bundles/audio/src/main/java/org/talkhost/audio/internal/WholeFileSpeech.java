package org.talkhost.audio.internal;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;

/** Speech made as a whole file on the server, downloaded, checked, then played. */
final class WholeFileSpeech {
    private static final double CHUNK_SECONDS = 0.1;

    private final AllTalkClient client;
    private final SpeechChecks checks;

    WholeFileSpeech(AllTalkClient client, SpeechChecks checks) {
        this.client = client;
        this.checks = checks;
    }

    void play(SpeakJob job, GenerateRequest request, Delivery delivery) {
        job.phase(SpeakJob.Phase.GENERATING);
        Pcm pcm = fetch(job, request);
        job.phase(SpeakJob.Phase.PLAYING);
        if (pcm != null) {
            play(job, pcm, delivery);
        }
    }

    /** Generates and downloads the speech, checked; null when the request was stopped meanwhile. */
    Pcm fetch(SpeakJob job, GenerateRequest request) {
        GenerateResult generated = client.generate(request);
        if (job.aborted()) {
            return null;
        }
        byte[] wav = client.download(generated.fileUrl());
        if (job.aborted()) {
            return null;
        }
        Pcm pcm = checks.parse(wav);
        checks.requireAudible(PcmMeter.of(pcm), request.text(), pcm.seconds());
        return pcm;
    }

    /** Plays speech already fetched. */
    void play(SpeakJob job, Pcm pcm, Delivery delivery) {
        delivery.begin(pcm.sampleRate(), pcm.channels());
        int frame = 2 * pcm.channels();
        int chunk = Math.max(frame, (int) (pcm.sampleRate() * CHUNK_SECONDS) * frame);
        byte[] data = pcm.data();
        for (int off = 0; off < data.length && !job.aborted(); off += chunk) {
            delivery.play(data, off, Math.min(chunk, data.length - off));
        }
    }
}
