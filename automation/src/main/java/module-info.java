/**
 * Automation over the job executor: signed webhooks, schedules (cron, time zones, incremental monitoring)
 * and multi-step workflows, kept in a directory beside the job store.
 */
module io.starexport.automation {
    requires transitive io.starexport.core;
    requires com.fasterxml.jackson.databind;
    requires com.cronutils;
    requires okhttp3;
    requires org.slf4j;

    exports io.starexport.automation;
}
