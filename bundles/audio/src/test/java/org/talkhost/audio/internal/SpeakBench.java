package org.talkhost.audio.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.talkhost.api.audio.AudioSink;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.client.AllTalkClient;

/**
 * Time to first audio when streaming against time to a whole file, in one run. By default against a
 * paced fake AllTalk (24 kHz PCM, each chunk "generated" in 50 ms); {@link #measure} takes any client,
 * so the same figures can be taken against the stand-in or a real AllTalk.
 *
 * <pre>java -cp ... org.talkhost.audio.internal.SpeakBench [rounds] [speechSeconds] [chunkSeconds] [chunkMillis]</pre>
 */
public final class SpeakBench {

    /** Milliseconds of each round. */
    public record Figures(String path, long[] firstAudio, long[] took, double audioSeconds) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "| %-10s | %6d | %6d | %6d | %6d | %6d | %5.2f |",
                    path,
                    median(firstAudio),
                    min(firstAudio),
                    max(firstAudio),
                    median(took),
                    max(took),
                    audioSeconds);
        }
    }

    private SpeakBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 4.0;
        double chunkSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
        long chunkMillis = args.length > 3 ? Long.parseLong(args[3]) : 50;
        PacedClient client = new PacedClient(seconds, chunkSeconds, chunkMillis);
        System.out.printf(
                Locale.ROOT,
                "Paced fake AllTalk: %.1f s of 24 kHz speech in %d chunks of %.2f s, "
                        + "each generated in %d ms (%.0f ms to generate it all); %d rounds each, null sink.%n",
                seconds,
                client.chunks(),
                chunkSeconds,
                chunkMillis,
                (double) client.chunks() * chunkMillis,
                rounds);
        print(measure(client, rounds, "The quick brown fox jumps over the lazy dog, then rests a while."));
    }

    /** Runs {@code rounds} streamed and {@code rounds} whole-file requests (after one warm-up of each). */
    public static Figures[] measure(AllTalkClient client, int rounds, String text) {
        SpeakerImpl speaker =
                new SpeakerImpl(client, TestConfig.defaults().sinks("null").minRmsOff());
        speaker.addSink(new NullSink(), Map.of(AudioSink.NAME, NullSink.NAME));
        try {
            return new Figures[] {
                run(speaker, "streamed", true, rounds, text), run(speaker, "whole file", false, rounds, text)
            };
        } finally {
            speaker.deactivate();
        }
    }

    private static Figures run(Speaker speaker, String path, boolean stream, int rounds, String text) {
        SpeakRequest request = new SpeakRequest(text, "", "", null, stream, 1.0);
        speaker.speak(request); // warm-up
        long[] first = new long[rounds];
        long[] took = new long[rounds];
        double audio = 0;
        for (int i = 0; i < rounds; i++) {
            SpeakResult r = speaker.speak(request);
            if (r.streamed() != stream) {
                throw new IllegalStateException("expected streamed=" + stream + " but got " + r.streamed());
            }
            first[i] = r.timeToFirstAudio().toMillis();
            took[i] = r.took().toMillis();
            audio = r.audioSeconds();
        }
        return new Figures(path, first, took, audio);
    }

    public static void print(Figures[] figures) {
        System.out.println("| path       | first audio ms: median | min | max | total ms: median | max | audio s |");
        System.out.println("|------------|--------|--------|--------|--------|--------|-------|");
        for (Figures f : figures) {
            System.out.println(f.line());
        }
        System.out.printf(
                Locale.ROOT,
                "Streaming starts playing %.1fx sooner (median first audio %d ms vs %d ms).%n",
                (double) median(figures[1].firstAudio()) / Math.max(1, median(figures[0].firstAudio())),
                median(figures[0].firstAudio()),
                median(figures[1].firstAudio()));
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long min(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static long max(long[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
