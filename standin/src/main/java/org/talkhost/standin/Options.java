package org.talkhost.standin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line, read once. Fault settings are kept as name/value text here; {@link Faults} owns
 * their meaning, so the same names work on the command line and through the control endpoint.
 *
 * @param port     the API port, or null to read it from confignew.json (then 7851)
 * @param host     the bind address, or null for the flavour's own rule
 * @param uiPort   v2 only: the web UI port, or null for confignew.json's
 * @param floatWav plain generation, previews and OpenAI wav are 32-bit float WAV, as the real model writes them
 */
public record Options(
        Flavor flavor,
        Path dir,
        Integer port,
        String host,
        Integer uiPort,
        boolean noUi,
        double loadSeconds,
        double reloadSeconds,
        boolean concurrent,
        boolean noEspeak,
        boolean control,
        boolean exitDuringLoad,
        boolean floatWav,
        List<String> printLines,
        Map<String, String> faults,
        boolean help) {

    public Options {
        printLines = List.copyOf(printLines);
        faults = Map.copyOf(faults);
    }
}
