package org.talkhost.process.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Holds the {@value ProcessSettings#PID} configuration. It is its own component because the
 * Supervisor designates the main configuration and a component can designate only one.
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
