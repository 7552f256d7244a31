package org.talkhost.process.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Holds the {@value ProcessSettings#PID} configuration, which is optional. Its own component because the
 * Supervisor requires {@code org.talkhost.alltalk} and DS then requires a configuration for every PID it names.
 */
@Component(service = ProcessTuning.class, configurationPid = ProcessSettings.PID)
@Designate(ocd = ProcessSettings.class)
public final class ProcessTuning {
    private volatile ProcessSettings settings;

    @Activate
    public ProcessTuning(ProcessSettings settings) {
        configure(settings);
    }

    @Modified
    void configure(ProcessSettings settings) {
        this.settings = settings;
    }

    ProcessSettings settings() {
        return settings;
    }
}
