package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Version;

class BundleSwapLoggerTest {
    final RecordingLog log = new RecordingLog();
    final BundleContext context = mock(BundleContext.class);

    private static Bundle bundle(String name) {
        Bundle b = mock(Bundle.class);
        when(b.getSymbolicName()).thenReturn(name);
        when(b.getVersion()).thenReturn(Version.parseVersion("0.1.0.SNAPSHOT"));
        return b;
    }

    @Test
    void logsTheSwapsOfTalkHostBundlesOnly() {
        BundleSwapLogger listener = new BundleSwapLogger(context, log);
        verify(context).addBundleListener(listener);

        Bundle process = bundle("talkhost-process");
        listener.bundleChanged(new BundleEvent(BundleEvent.STOPPED, process));
        listener.bundleChanged(new BundleEvent(BundleEvent.UPDATED, process));
        listener.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, process));
        listener.bundleChanged(new BundleEvent(BundleEvent.STARTED, process));
        listener.bundleChanged(new BundleEvent(BundleEvent.STARTED, bundle("org.apache.felix.scr")));
        listener.stop();

        assertThat(log.lines)
                .containsExactly(
                        "INFO Bundle talkhost-process 0.1.0.SNAPSHOT stopped",
                        "INFO Bundle talkhost-process 0.1.0.SNAPSHOT updated (new code loaded; it restarts its services)",
                        "INFO Bundle talkhost-process 0.1.0.SNAPSHOT started");
        verify(context).removeBundleListener(listener);
    }
}
