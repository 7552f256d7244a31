package org.talkhost.api.notice;

/** EventAdmin topics and event property names shared by every bundle. */
public final class NoticeTopics {
    /** Plain-language notices; the level is the last topic segment ({@code org/talkhost/notice/WARNING}). */
    public static final String NOTICE = "org/talkhost/notice";
    /** Every notice, whatever its level. */
    public static final String NOTICE_ALL = NOTICE + "/*";
    /** Health state changes; properties {@code from}, {@code to}, {@code reason}. */
    public static final String HEALTH_CHANGED = "org/talkhost/health/CHANGED";
    /** Supervisor lifecycle; the phase is the last segment ({@code org/talkhost/process/READY}). */
    public static final String PROCESS = "org/talkhost/process";

    public static final String PROCESS_ALL = PROCESS + "/*";

    private NoticeTopics() {}
}
