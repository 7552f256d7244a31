package org.talkhost.gateway.internal;

/** How one attempt to answer a request through AllTalk ended. */
enum Outcome {
    /** Answered (whatever AllTalk said). */
    DONE,
    /** AllTalk could not be reached: nothing was sent, nothing answered yet. */
    UNREACHED,
    /** The request left, then AllTalk went away before anything reached the client. */
    DIED
}
