package org.talkhost.process.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.talkhost.api.config.AllTalkSettings;

/**
 * Describes {@value AllTalkSettings#PID} for metatype (the settings of every instance, see
 * {@code org.talkhost.api.config.Instances}). The Supervisor itself is configured with the instances' factory
 * PID, so the description hangs on this component, which ignores configuration and does nothing else.
 */
@Component(service = AllTalkSettingsDescription.class, configurationPid = AllTalkSettings.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = AllTalkSettingsMetatype.class)
public final class AllTalkSettingsDescription {
}
