package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;
import org.talkhost.common.LaunchMode;

/**
 * Prints notices for people live on the console, whole lines only, and keeps the recent ones for
 * {@code alltalk:status}. Where they go is the launcher's choice (framework property
 * {@code talkhost.console.notices}: stdout, stderr or off).
 */
@Component(
        service = {EventHandler.class, NoticeConsole.class, CommandSessionListener.class},
        immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + NoticeTopics.NOTICE_ALL)
public final class NoticeConsole implements EventHandler, CommandSessionListener {
    private static final int KEEP = 50; // several instances share it; alltalk:status shows 5
    private static final PrintStream STDOUT = System.out;
    private static final PrintStream STDERR = System.err;

    /** Gogo's prompt, printed again after a notice so that the console stays usable. */
    static final String PROMPT = "g! ";

    private final Deque<Notice> recent = new ArrayDeque<>();
    private final PrintStream out;
    private final boolean interactive;
    /** Commands running now: while one runs the line is the command's, and Gogo prints the prompt after it. */
    private final AtomicInteger running = new AtomicInteger();

    private volatile boolean consoleClosed;

    @Activate
    public NoticeConsole(BundleContext context) {
        this(target(context.getProperty("talkhost.console.notices")), LaunchMode.console(context));
    }

    NoticeConsole(PrintStream out) {
        this(out, false);
    }

    NoticeConsole(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    private static PrintStream target(String where) {
        if ("off".equals(where)) {
            return null;
        }
        return "stderr".equals(where) ? STDERR : STDOUT;
    }

    @Override
    public void handleEvent(Event event) {
        Notice n = Notice.fromEvent(event);
        if (n == null) {
            return;
        }
        synchronized (recent) {
            recent.addLast(n);
            while (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
        if (out != null) {
            String line = "[" + ShortUnits.clock(n.time()) + "] " + prefix(n) + n.text();
            synchronized (out) {
                if (interactive && running.get() == 0 && !consoleClosed) {
                    // the prompt may stand at the start of the line: write over it, then give it back
                    out.print("\r" + line + "\n" + PROMPT);
                } else {
                    out.println(line);
                }
                out.flush();
            }
        }
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        if (!isConsoleItself(command)) {
            running.incrementAndGet();
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        afterExecute(command);
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        afterExecute(command);
    }

    private void afterExecute(CharSequence command) {
        if (isConsoleItself(command)) {
            consoleClosed = true; // Ctrl-D or 'stop 0': no prompt will be read again
        } else {
            running.decrementAndGet();
        }
    }

    /** Gogo's shell bundle runs the whole console as one command, {@code gosh --login ...}, that ends at exit. */
    private static boolean isConsoleItself(CharSequence command) {
        return command != null && command.toString().startsWith("gosh ");
    }

    private static String prefix(Notice n) {
        switch (n.level()) {
            case WARNING:
                return TEXT.text("notice.warning") + " ";
            case ERROR:
                return TEXT.text("notice.problem") + " ";
            default:
                return "";
        }
    }

    List<Notice> recent(int max) {
        synchronized (recent) {
            List<Notice> all = new ArrayList<>(recent);
            return all.subList(Math.max(0, all.size() - max), all.size());
        }
    }
}
