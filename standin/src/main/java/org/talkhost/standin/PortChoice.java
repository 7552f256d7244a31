package org.talkhost.standin;

/** Which address and ports the stand-in uses: the command line first, then confignew.json as each flavour reads it. */
final class PortChoice {

    static final int DEFAULT_API_PORT = 7851;

    private PortChoice() {}

    /** --port, else confignew.json (v1 "port_number" string, v2 api_def.api_port_number int), else 7851. */
    static int apiPort(Options o, AllTalkConfig config, Console console) throws StartupFailure {
        if (o.port() != null) {
            return o.port();
        }
        try {
            Integer fromConfig = config.port();
            return fromConfig != null ? fromConfig : DEFAULT_API_PORT;
        } catch (StartupFailure e) {
            console.error("Traceback (most recent call last):");
            console.error("  File \"tts_server.py\", in <module>");
            console.error("    port_parameter = int(params[\"port_number\"])");
            console.error(e.getMessage());
            throw e;
        }
    }

    /** --host, else v1's "ip_address" (127.0.0.1 by default), else v2's 0.0.0.0. */
    static String host(Options o, AllTalkConfig config) {
        if (o.host() != null) {
            return o.host();
        }
        return o.flavor() == Flavor.V1 ? config.ipAddress() : "0.0.0.0";
    }

    /**
     * v2's web UI port, or null for no UI: --no-ui wins; --ui-port asks for it; otherwise it runs when
     * confignew.json has "launch_gradio": true, on gradio_port_number (7852 by default). v1 has none.
     */
    static Integer uiPort(Options o, AllTalkConfig config) {
        if (o.flavor() == Flavor.V1 || o.noUi()) {
            return null;
        }
        if (o.uiPort() != null) {
            return o.uiPort();
        }
        return config.launchGradio() ? config.gradioPort() : null;
    }
}
