package io.starexport.automation;

/** Where a {@link WorkflowStep} gets the URLs it exports ({@code inputMode} in the seed's workflow API). */
public enum InputMode {
    /** The workflow's URL ({@code url}); the first step always reads it. */
    URL("url"),
    /** The URL of each item the previous step kept in this run ({@code previous_results}): one job per item. */
    PREVIOUS_RESULTS("previous_results");

    private final String wireName;

    InputMode(String wireName) {
        this.wireName = wireName;
    }

    /** The seed's name: {@code url} or {@code previous_results}. */
    public String wireName() {
        return wireName;
    }
}
