package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/** {@code alltalk:say} and {@code alltalk:voices}. */
@Component(
        service = SpeechCommands.class,
        immediate = true,
        property = {"osgi.command.scope=alltalk", "osgi.command.function=say", "osgi.command.function=voices"})
public final class SpeechCommands {
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Speaker speaker;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AllTalkClient client;

    /** Makes sure AllTalk runs (detect, adopt or start, as configured) and says so when it cannot. */
    private void ensureRunning() {
        RunState state = Needs.need(supervisor, "process").ensureRunning(NoticeListener.NONE);
        if (!state.ready()) {
            throw new IllegalStateException(state.explanation());
        }
    }

    @Descriptor(
            "Say TEXT through AllTalk: played on the speakers (or the configured sinks), or written to a WAV file with --to")
    public String say(
            @Descriptor("voice, for example female_01.wav (default: AllTalk's)")
                    @Parameter(
                            names = {"--voice", "-v"},
                            absentValue = "")
                    String voice,
            @Descriptor("language code, for example en (default: AllTalk's)")
                    @Parameter(
                            names = {"--language", "-l"},
                            absentValue = "")
                    String language,
            @Descriptor("write the speech to this WAV file instead of playing it")
                    @Parameter(
                            names = {"--to", "-o"},
                            absentValue = "")
                    String to,
            @Descriptor("the text to say, in quotes") String... words) {
        String text = words == null ? "" : String.join(" ", words).trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(TEXT.text("say.nothing", TEXT.text("say.usage")));
        }
        Path file = to.isBlank() ? null : Paths.get(to).toAbsolutePath();
        if (file != null
                && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")) {
            throw new IllegalArgumentException(TEXT.text("say.notWav", to, TEXT.text("say.usage")));
        }
        ensureRunning();
        SpeakResult r =
                Needs.need(speaker, "audio").speak(new SpeakRequest(text, voice, language, file, file == null, 1.0));
        String seconds = String.format(Locale.ROOT, "%.1f s", r.audioSeconds());
        if (r.file() != null && file != null) {
            return TEXT.text("say.toFile", shorten(text), seconds, r.file(), ShortUnits.duration(r.took()));
        }
        if (r.file() != null) { // the file output is one of the sinks: say where it wrote
            return TEXT.text(
                    "say.doneWithFile",
                    shorten(text),
                    seconds,
                    ShortUnits.duration(r.took()),
                    String.join(", ", r.sinks()),
                    r.file().toAbsolutePath());
        }
        return TEXT.text(
                "say.done", shorten(text), seconds, ShortUnits.duration(r.took()), String.join(", ", r.sinks()));
    }

    @Descriptor("List the voices AllTalk offers")
    public String voices() {
        ensureRunning();
        List<String> voices = Needs.need(client, "connection").voices();
        if (voices.isEmpty()) {
            return TEXT.text("voices.none");
        }
        return voices.size() + " voices:\n  " + String.join("\n  ", voices);
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
