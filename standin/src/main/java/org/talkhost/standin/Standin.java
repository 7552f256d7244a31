package org.talkhost.standin;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.talkhost.standin.api.Context;
import org.talkhost.standin.api.ControlEndpoints;
import org.talkhost.standin.api.ModelState;
import org.talkhost.standin.files.Outputs;
import org.talkhost.standin.files.Voices;
import org.talkhost.standin.http.RequestGate;
import org.talkhost.standin.http.Router;
import org.talkhost.standin.http.UvicornFilter;
import org.talkhost.standin.speech.EspeakSpeech;
import org.talkhost.standin.speech.Executables;
import org.talkhost.standin.speech.Generator;
import org.talkhost.standin.speech.Speech;
import org.talkhost.standin.speech.SpeechEngine;
import org.talkhost.standin.speech.ToneSpeech;
import org.talkhost.standin.speech.Transcoder;

import com.sun.net.httpserver.HttpServer;

/**
 * A running stand-in. {@link #start} goes through AllTalk's start-up (config, model load, then the
 * port) and returns once the server answers; {@link #close} stops everything it started.
 */
public final class Standin implements AutoCloseable {

    static {
        // uvicorn closes a keep-alive connection after 5 idle seconds; the JDK server's default is 30,
        // checked every 10. These are read once, when the JDK server is first used in this JVM.
        System.setProperty(
                "sun.net.httpserver.idleInterval", System.getProperty("sun.net.httpserver.idleInterval", "5"));
        System.setProperty("sun.net.httpserver.clockTick", System.getProperty("sun.net.httpserver.clockTick", "500"));
    }

    private final HttpServer api;
    private volatile HttpServer ui;
    private final ExecutorService httpThreads;
    private final ExecutorService streams;
    private final RequestGate gate;
    private final Generator generator;
    private final Speech speech;
    private final Crash crash;

    private Standin(
            HttpServer api,
            HttpServer ui,
            ExecutorService httpThreads,
            ExecutorService streams,
            RequestGate gate,
            Generator generator,
            Speech speech,
            Crash crash) {
        this.api = api;
        this.ui = ui;
        this.httpThreads = httpThreads;
        this.streams = streams;
        this.gate = gate;
        this.generator = generator;
        this.speech = speech;
        this.crash = crash;
    }

    public static Standin start(Options o, Console console, ProcessExit exit) throws StartupFailure {
        boolean v1 = o.flavor() == Flavor.V1;
        console.note("TalkHost stand-in for AllTalk " + o.flavor().label() + ", process id "
                + ProcessHandle.current().pid() + ", folder " + o.dir().toAbsolutePath());
        if (!v1) {
            console.error("INFO:     Started server process ["
                    + ProcessHandle.current().pid() + "]");
            console.error("INFO:     Waiting for application startup.");
        }
        Faults faults = new Faults();
        o.faults().forEach(faults::set);
        AllTalkConfig config = AllTalkConfig.read(o.flavor(), o.dir(), console);
        int port = PortChoice.apiPort(o, config, console);
        String host = PortChoice.host(o, config);
        Voices voices = new Voices(o.dir().resolve("voices"));
        Outputs outputs = new Outputs(o.dir().resolve("outputs"));
        try {
            voices.seedIfMissing();
            outputs.create();
        } catch (IOException e) {
            console.error(
                    "PermissionError: [Errno 13] Permission denied: '" + o.dir().toAbsolutePath() + "'");
            throw new StartupFailure("cannot write to " + o.dir(), 1);
        }
        Speech speech = o.noEspeak()
                ? new ToneSpeech()
                : Executables.find("espeak-ng").<Speech>map(EspeakSpeech::new).orElseGet(ToneSpeech::new);
        ModelLoad.run(o, console, faults, speech.kind());
        if (!v1) {
            console.error("INFO:     Application startup complete.");
        }
        // Uvicorn opens its port when it can answer at once. So, with a port given, everything is made first and the
        // port opened last (a client sees it open and is answered, with no gap); with --port 0 the port must be known
        // for the URLs before anything else.
        HttpServer api = port == 0 ? Binding.open(host, port, console, !v1) : null;
        int bound = api == null ? port : api.getAddress().getPort();
        String urlHost = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        boolean legacy = !v1 && Boolean.TRUE.equals(config.apiDef("api_use_legacy_api", false));
        String urlBase = v1
                ? "http://" + urlHost + ":" + bound
                : legacy ? "http://" + config.apiDef("api_legacy_ip_address", "127.0.0.1") + ":" + bound : "";

        ExecutorService httpThreads = o.concurrent()
                ? Executors.newCachedThreadPool(named("standin-http"))
                : v1
                        ? Executors.newSingleThreadExecutor(named("standin-http"))
                        : NewestFirst.singleThread(named("standin-http"));
        ExecutorService streams = Executors.newCachedThreadPool(named("standin-stream"));
        Generator generator = new Generator(faults, console);
        Crash crash = new Crash(console, exit);
        Context ctx = new Context(
                o.flavor(),
                o,
                config,
                faults,
                console,
                new ModelState(o.flavor(), faults),
                voices,
                outputs,
                new SpeechEngine(speech, console),
                generator,
                new Transcoder(Executables.find("ffmpeg")),
                urlBase,
                streams);
        Router routes = Routes.of(ctx);
        Router control = o.control() ? new ControlEndpoints(ctx, crash::after).router() : null;
        RequestGate gate =
                new RequestGate(routes, control, faults, console, n -> crash.now("--crash-after-requests " + n));
        if (api == null) {
            Binding.warmUp();
            try {
                api = Binding.open(host, port, console, !v1);
            } catch (StartupFailure e) {
                httpThreads.shutdownNow();
                streams.shutdownNow();
                throw e;
            }
        }
        api.setExecutor(httpThreads);
        api.createContext("/", gate).getFilters().add(new UvicornFilter(speech.kind()));
        api.start();
        if (!v1) {
            console.error("INFO:     Uvicorn running on http://" + host + ":" + bound + " (Press CTRL+C to quit)");
        }
        Standin standin = new Standin(api, null, httpThreads, streams, gate, generator, speech, crash);
        Integer uiPort = PortChoice.uiPort(o, config);
        if (uiPort != null) {
            try {
                standin.ui = Binding.open(host, uiPort, console, false);
            } catch (StartupFailure e) {
                standin.close();
                throw e;
            }
            GradioUi.serve(standin.ui, o.flavor(), bound);
            console.note("Web UI (Gradio) on http://" + urlHost + ":" + standin.uiPort());
        }
        if (o.control()) {
            console.note("Control endpoint on: POST /_standin/fault?name=NAME&value=VALUE, GET /_standin/state");
        }
        crash.after(faults.crashAfterSeconds());
        console.line("[AllTalk TTS] Server Ready");
        console.note("Answering on http://" + urlHost + ":" + bound + " ("
                + (o.concurrent() ? "answers while generating" : "answers nothing while generating, like AllTalk")
                + ")");
        return standin;
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The API port actually bound (useful with --port 0). */
    public int port() {
        return api.getAddress().getPort();
    }

    /** The web UI port, or -1 when there is no UI. */
    public int uiPort() {
        return ui == null ? -1 : ui.getAddress().getPort();
    }

    @Override
    public void close() {
        crash.close();
        generator.close();
        gate.releaseParked();
        api.stop(0);
        if (ui != null) {
            ui.stop(0);
        }
        httpThreads.shutdownNow();
        streams.shutdownNow();
        if (speech instanceof EspeakSpeech espeak) {
            espeak.stopAll();
        }
    }
}
