package org.talkhost.logging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@value #PID}: where the operations log goes, how much it keeps, what it writes. */
@ObjectClassDefinition(
        id = LoggingConfig.PID,
        name = "TalkHost: the AllTalk operations log",
        description = "log/alltalk_operations.log: folder, level, rotation and the periodic metrics summary.")
public @interface LoggingConfig {
    String PID = "org.talkhost.logging";

    @AttributeDefinition(
            description = "Folder of alltalk_operations.log. Empty: the log folder of TalkHost "
                    + "(talkhost.home/log). A relative path is taken from the TalkHost folder. Created when missing.")
    String folder() default "";

    @AttributeDefinition(
            description = "Lowest level written: DEBUG, INFO, WARNING, ERROR or CRITICAL.",
            options = {
                @Option(value = "DEBUG"),
                @Option(value = "INFO"),
                @Option(value = "WARNING"),
                @Option(value = "ERROR"),
                @Option(value = "CRITICAL")
            })
    String level() default "INFO";

    @AttributeDefinition(
            min = "1",
            max = "2048",
            description = "Largest size of one log file in megabytes before it is rotated (1 to 2048).")
    int maxFileSizeMb() default 10;

    @AttributeDefinition(
            min = "0",
            max = "100",
            description = "Rotated files kept (alltalk_operations.log.1 ... .N), "
                    + "0 to 100. 0: the one file is emptied when full. The log never takes more than (maxFiles + 1) x "
                    + "maxFileSizeMb.")
    int maxFiles() default 5;

    @AttributeDefinition(
            min = "0",
            max = "10080",
            description = "Minutes between two one-line metrics summaries in the log (up to a week). 0: none.")
    int summaryIntervalMinutes() default 15;
}
