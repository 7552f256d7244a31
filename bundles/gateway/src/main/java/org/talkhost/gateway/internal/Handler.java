package org.talkhost.gateway.internal;

import org.talkhost.api.config.ServerAddress;

/** Answers one call through the AllTalk at {@code at}: passed through, or translated (OpenAI speech). */
interface Handler {

    Outcome handle(Call call, ServerAddress at) throws Forwarder.ClientGone;
}
