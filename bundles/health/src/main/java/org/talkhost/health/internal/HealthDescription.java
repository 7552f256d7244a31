package org.talkhost.health.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Describes {@value HealthConfig#PID} for metatype. The health monitor takes two PIDs (its own and its
 * AllTalk instance's), and a description needs a component with exactly one: this one, which ignores
 * configuration and does nothing else.
 */
@Component(
        service = HealthDescription.class,
        configurationPid = HealthConfig.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = HealthConfig.class)
public final class HealthDescription {}
