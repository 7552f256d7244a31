package org.talkhost.standin.http;

import java.io.IOException;

/** Answers one kind of request. */
@FunctionalInterface
public interface Endpoint {
    void handle(Call call) throws IOException;
}
