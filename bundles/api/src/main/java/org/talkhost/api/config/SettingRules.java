package org.talkhost.api.config;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The allowed values of every TalkHost setting, as its metatype describes them (type, range, options).
 * Used by whatever changes a setting ({@code alltalk:config}) and by the guard that checks hand-edited
 * configuration files, so that both refuse the same values with the same words.
 */
@ProviderType
public interface SettingRules {

    /**
     * Why {@code value} may not be the setting {@code key} of configuration {@code pid}, in plain words
     * that name the allowed range ("healthTimeoutSeconds must be a number from 0.1 to 60; -3.0 is outside
     * that range."); {@code null} when it may, or when nothing is known about the key.
     */
    String refusal(String pid, String key, Object value);
}
