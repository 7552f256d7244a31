package org.talkhost.api.detection;

/** The one-word result of a detection. */
public enum Conclusion {
    /** No AllTalk runs and no AllTalk port answers. */
    NONE,
    /** An AllTalk answers Ready: adopt it. */
    READY,
    /** An AllTalk process runs but its port does not answer yet (model loading), or v2 says Unloaded. */
    LOADING,
    /** An AllTalk port accepts connections but answers nothing in time (busy or hung). */
    UNRESPONSIVE,
    /** Another program answers on an AllTalk port; no AllTalk found. */
    FOREIGN,
    /** Several AllTalk servers run; one is used, the others should be stopped. */
    DUPLICATE
}
