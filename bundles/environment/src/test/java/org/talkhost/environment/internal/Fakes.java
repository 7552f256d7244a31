package org.talkhost.environment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.EnvironmentContext;

/** Fake AllTalk folders, fake programs (shell scripts) and contexts for the checks. */
final class Fakes {
    private Fakes() {}

    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** v1 as a text-generation-webui extension: tts_server.py and the extension's script.py, no tts_engines. */
    static Path v1(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("system/admin"));
        Files.writeString(dir.resolve("tts_server.py"), "# v1\n");
        Files.writeString(dir.resolve("script.py"), "# text-generation-webui extension\n");
        Files.writeString(dir.resolve("confignew.json"), "{\"port_number\": \"7851\"}");
        return dir;
    }

    static Path v2(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("system/tts_engines/xtts"));
        Files.createDirectories(dir.resolve("system/tts_engines/piper"));
        Files.writeString(dir.resolve("script.py"), "# v2\n");
        Files.writeString(dir.resolve("tts_server.py"), "# v2 server\n");
        return dir;
    }

    static EnvironmentContext managed(Path installDir, String python) {
        return new EnvironmentContext(Mode.MANAGED, installDir, python, "127.0.0.1", List.of(7851, 7852));
    }

    static EnvironmentContext standin() {
        return new EnvironmentContext(Mode.STANDIN, null, "", "127.0.0.1", List.of(7851, 7852));
    }

    static PythonProbe probe() {
        return new PythonProbe(
                new ProcessRunner(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** A fake Python answering TalkHost's probe script as a real one would, with chosen answers. */
    static final class Python {
        String version = "3.11.7";
        String prefix;
        String condaEnv = "";
        Set<String> missing = Set.of();
        Set<String> broken = Set.of();
        String torch = "2.2.1+cu121";
        String torchCuda = "12.1";
        boolean cudaAvailable = true;
        String device = "NVIDIA GeForce RTX 3060";
        String hangSeconds = "";
        Path calls;

        Python version(String v) {
            version = v;
            return this;
        }

        Python prefix(Object p) {
            prefix = p.toString();
            return this;
        }

        Python conda(String name) {
            condaEnv = name;
            return this;
        }

        Python missing(String... names) {
            missing = Set.of(names);
            return this;
        }

        Python broken(String... names) {
            broken = Set.of(names);
            return this;
        }

        /** PyTorch built without CUDA: torch.version.cuda is None. */
        Python cpuTorch() {
            torch = "2.2.1+cpu";
            torchCuda = "None";
            cudaAvailable = false;
            return this;
        }

        Python cudaUnavailable() {
            cudaAvailable = false;
            return this;
        }

        Python hang(int seconds) {
            hangSeconds = Integer.toString(seconds);
            return this;
        }

        /** Appends the mode of each run to this file, to count subprocesses. */
        Python countCallsIn(Path file) {
            calls = file;
            return this;
        }

        Path writeTo(Path file) throws IOException {
            String pre = prefix != null ? prefix : file.getParent().getParent().toString();
            StringBuilder b = new StringBuilder();
            if (calls != null) {
                b.append("echo \"$3\" >> '").append(calls).append("'\n");
            }
            if (!hangSeconds.isEmpty()) {
                b.append("sleep ").append(hangSeconds).append('\n');
            }
            b.append("[ \"$1\" = \"-c\" ] || { echo 'unexpected call' >&2; exit 2; }\n");
            b.append("case \"$3\" in\n");
            b.append("talkhost-identity)\n");
            b.append("  echo 'version=").append(version).append("'\n");
            b.append("  echo \"executable=$0\"\n");
            b.append("  echo 'prefix=").append(pre).append("'\n");
            b.append("  echo 'base_prefix=").append(pre).append("'\n");
            b.append("  echo 'conda_env=").append(condaEnv).append("'\n");
            b.append("  ;;\n");
            b.append("talkhost-packages)\n  shift 3\n  torch=no\n  for p in \"$@\"; do\n    case \"$p\" in\n");
            for (String m : missing) {
                b.append("    ").append(m).append(") echo \"missing.$p=not installed\" ;;\n");
            }
            for (String m : broken) {
                b.append("    ")
                        .append(m)
                        .append(") echo \"broken.$p=OSError: libcudnn.so.8: cannot open shared object file\" ;;\n");
            }
            b.append("    torch) echo 'ok.torch=").append(torch).append("'; torch=yes ;;\n");
            b.append("    *) echo \"ok.$p=1.0\" ;;\n    esac\n  done\n");
            b.append("  if [ $torch = yes ]; then\n");
            b.append("    echo 'torch.cuda=").append(torchCuda).append("'\n");
            b.append("    echo 'torch.cuda_available=")
                    .append(cudaAvailable ? "True" : "False")
                    .append("'\n");
            if (cudaAvailable) {
                b.append("    echo 'torch.device=").append(device).append("'\n");
            }
            b.append("  fi\n  ;;\n");
            b.append("*) echo 'unknown mode' >&2; exit 2 ;;\nesac\n");
            return script(file, b.toString());
        }
    }
}
