package io.starexport.automation;

/** How often a schedule runs; the names are the seed API's {@code frequency} values. */
public enum Frequency {
    /** Every hour, at the preferred time's minute. */
    HOURLY,
    /** Every day at the preferred time. */
    DAILY,
    /** Every week on one day at the preferred time. */
    WEEKLY,
    /** Every month on one day (the month's last day when it is shorter) at the preferred time. */
    MONTHLY,
    /** A five-field UNIX cron expression. */
    CUSTOM
}
