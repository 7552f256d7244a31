package org.talkhost.shell.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * {@code alltalk}: one line on each command. Also what {@code help alltalk} shows, since Gogo's help
 * looks up a function by name.
 */
@Component(
        service = OverviewCommand.class,
        immediate = true,
        property = {"osgi.command.scope=alltalk", "osgi.command.function=alltalk"})
public final class OverviewCommand {
    static final String OVERVIEW = String.join(
            "\n",
            "TalkHost keeps AllTalk running and explains what it does. Commands (scope alltalk):",
            "  alltalk:status                 is AllTalk ready? where, which kind, pid, uptime, memory, recent notices",
            "  alltalk:start                  start AllTalk, or adopt the one already running",
            "  alltalk:stop                   stop AllTalk (also one TalkHost did not start)",
            "  alltalk:restart                stop and start again",
            "  alltalk:say TEXT [--voice V] [--language L] [--to FILE.wav]   speak, or write a WAV file",
            "  alltalk:voices                 the voices AllTalk offers",
            "  alltalk:ports                  each candidate port and who holds it",
            "  alltalk:health                 health now and its recent changes",
            "  alltalk:doctor                 check Python, the AllTalk install, packages, CUDA, audio, disk, ports",
            "  alltalk:log [-n N]             the last lines of log/alltalk_operations.log",
            "  alltalk:metrics                counts and response times of each operation",
            "  alltalk:config [KEY [VALUE]]   show or change a setting (applies at once, saved to config/)",
            "With several AllTalk instances, status, start, stop, restart, ports, health and doctor take"
                    + " --instance NAME.",
            "help alltalk:say (or any command) shows its options. exit (or Ctrl-D) stops TalkHost and the AllTalk"
                    + " it started.");

    @Descriptor("TalkHost's commands: status, start, stop, restart, say, voices, ports, health, doctor, log, "
            + "metrics, config. Run alltalk for one line on each.")
    public String alltalk() {
        return OVERVIEW;
    }
}
