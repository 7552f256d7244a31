package org.talkhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

class ConsoleExitTest {

    @Test
    void exitQuitAndExitWithANumberStopTheFrameworkAndSaySo() throws Exception {
        BundleContext context = mock(BundleContext.class);
        Bundle framework = mock(Bundle.class);
        when(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)).thenReturn(framework);
        ConsoleExit console = new ConsoleExit(context);

        assertThat(console.exit()).isEqualTo("Stopping TalkHost, and the AllTalk it started...");
        console.exit(0);
        console.quit();

        verify(framework, times(3)).stop();
    }
}
