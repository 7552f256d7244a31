package org.talkhost.logging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@value #PID}: where the operations log goes, how much it keeps, what it writes. */
@ObjectClassDefinition(id = LoggingConfig.PID, name = "TalkHost: the AllTalk operations log",
        description = "log/alltalk_operations.log: folder, level, rotation and the periodic metrics summary.")
public @interface LoggingConfig {
    String PID = "org.talkhost.logging";

    @AttributeDefinition(description = "Folder of alltalk_operations.log. Empty: the log folder of TalkHost "
            + "(talkhost.home/log). A relative path is taken from the TalkHost folder. Created when missing.")
    String folder() default "";

    @AttributeDefinition(description = "Lowest level written: DEBUG, INFO, WARNING, ERROR or CRITICAL.", options = {
            @Option(value = "DEBUG"), @Option(value = "INFO"), @Option(value = "WARNING"), @Option(value = "ERROR"),
            @Option(value = "CRITICAL") })
    String level() default "INFO";

    @AttributeDefinition(description = "Largest size of one log file in KB before it is rotated (at least 1).")
    int maxFileSizeKb() default 10240;

    @AttributeDefinition(description = "Rotated files kept (alltalk_operations.log.1 ... .N). 0: the one file "
            + "is emptied when full. The log never takes more than (backupCount + 1) x maxFileSizeKb.")
    int backupCount() default 5;

    @AttributeDefinition(description = "Minutes between two one-line metrics summaries in the log. 0: none.")
    int summaryIntervalMinutes() default 15;
}
