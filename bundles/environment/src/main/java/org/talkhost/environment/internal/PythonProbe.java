package org.talkhost.environment.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Asks a Python interpreter about itself in one subprocess per question: who it is (version, prefix,
 * conda environment), and which of a list of packages import (all in ONE subprocess, which also asks
 * PyTorch about CUDA). Answers are shared by the checks that need them and kept a few seconds.
 */
@Component(service = PythonProbe.class, configurationPid = EnvironmentConfig.PID)
@Designate(ocd = EnvironmentConfig.class)
public final class PythonProbe {
    static final String IDENTITY = "talkhost-identity";
    static final String PACKAGES = "talkhost-packages";
    static final String SCRIPT = String.join(
            "\n",
            "import sys, os",
            "def out(k, v):",
            "    print('%s=%s' % (k, str(v).replace('\\n', ' ').replace('\\r', ' ')), flush=True)",
            "mode = sys.argv[1] if len(sys.argv) > 1 else ''",
            "if mode == '" + IDENTITY + "':",
            "    out('version', '%d.%d.%d' % tuple(sys.version_info[:3]))",
            "    out('executable', sys.executable)",
            "    out('prefix', sys.prefix)",
            "    out('base_prefix', getattr(sys, 'base_prefix', sys.prefix))",
            "    name = ''",
            "    if os.path.isdir(os.path.join(sys.prefix, 'conda-meta')):",
            "        if os.environ.get('CONDA_PREFIX', '') == sys.prefix:",
            "            name = os.environ.get('CONDA_DEFAULT_ENV', '')",
            "        name = name or os.path.basename(sys.prefix.rstrip('/\\\\'))",
            "    out('conda_env', name)",
            "elif mode == '" + PACKAGES + "':",
            "    import importlib, importlib.util",
            "    for name in sys.argv[2:]:",
            "        try:",
            "            found = importlib.util.find_spec(name) is not None",
            "        except Exception:",
            "            found = False",
            "        if not found:",
            "            out('missing.' + name, 'not installed')",
            "            continue",
            "        try:",
            "            m = importlib.import_module(name)",
            "            out('ok.' + name, getattr(m, '__version__', ''))",
            "        except BaseException as e:",
            "            out('broken.' + name, '%s: %s' % (type(e).__name__, e))",
            "    t = sys.modules.get('torch')",
            "    if t is not None:",
            "        out('torch.cuda', t.version.cuda)",
            "        try:",
            "            a = t.cuda.is_available()",
            "            out('torch.cuda_available', a)",
            "            if a:",
            "                out('torch.device', t.cuda.get_device_name(0))",
            "        except BaseException as e:",
            "            out('torch.cuda_error', '%s: %s' % (type(e).__name__, e))",
            "");
    private static final Map<String, String> ENV = Map.of("PYTHONIOENCODING", "utf-8", "PYTHONDONTWRITEBYTECODE", "1");

    /** What the interpreter said: {@code key=value} lines, and how the run went. */
    record Answer(ProcessRunner.Outcome outcome, Map<String, String> values) {
        String get(String key) {
            return values.get(key);
        }

        /** It ran and said something: a broken or foreign program says nothing we understand. */
        boolean understood() {
            return !values.isEmpty();
        }
    }

    private record Entry(long started, CompletableFuture<Answer> future) {}

    private final ProcessRunner runner;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile Duration quick;
    private volatile Duration imports;
    private volatile Duration keep;

    @Activate
    public PythonProbe(EnvironmentConfig config) {
        this(new ProcessRunner(), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5));
        configure(config);
    }

    PythonProbe(ProcessRunner runner, Duration quick, Duration imports, Duration keep) {
        this.runner = runner;
        this.quick = quick;
        this.imports = imports;
        this.keep = keep;
    }

    @Modified
    void configure(EnvironmentConfig config) {
        quick = seconds(config.processTimeoutSeconds());
        imports = seconds(config.importTimeoutSeconds());
        keep = seconds(config.cacheSeconds());
        cache.clear();
    }

    Duration importTimeout() {
        return imports;
    }

    Answer identity(Path python) {
        return cached(IDENTITY + " " + python, () -> ask(python, List.of(IDENTITY), quick));
    }

    Answer packages(Path python, List<String> modules) {
        List<String> args = new ArrayList<>();
        args.add(PACKAGES);
        args.addAll(modules);
        return cached(String.join(" ", args) + " " + python, () -> ask(python, args, imports));
    }

    private Answer ask(Path python, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", SCRIPT));
        command.addAll(args);
        ProcessRunner.Outcome o = runner.run(command, timeout, ENV);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : o.out().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new Answer(o, values);
    }

    private Answer cached(String key, Supplier<Answer> work) {
        long now = System.nanoTime();
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        Entry e = cache.compute(
                key, (k, old) -> old != null && now - old.started() < keep.toNanos() ? old : new Entry(now, mine));
        if (e.future() == mine) {
            try {
                mine.complete(work.get());
            } catch (RuntimeException ex) {
                mine.completeExceptionally(ex);
            }
        }
        try {
            return e.future().get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + key, ex);
        } catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(100, Math.round(s * 1000)));
    }
}
