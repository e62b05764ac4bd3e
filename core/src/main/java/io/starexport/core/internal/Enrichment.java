package io.starexport.core.internal;

import io.starexport.api.Enrichments;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.spi.Enricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The enrichment stage of one export: the request's enrichers in order, each asked once per page; a later
 * enricher's findings win where both say something. Runs in the export's thread.
 */
final class Enrichment {
    private final List<Step> steps;

    /** One enricher and its context for this export. */
    record Step(Enricher enricher, EnrichContext context) {
    }

    Enrichment(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The items carrying what every enricher found. An enricher's {@link ExportException} passes unchanged;
     * anything else it throws, or an answer of the wrong size, is {@code INTERNAL}, naming the enricher.
     */
    List<Item> apply(List<Item> items) {
        if (steps.isEmpty() || items.isEmpty()) {
            return items;
        }
        List<Enrichments> found = new ArrayList<>(items.size());
        items.forEach(item -> found.add(item.enrichments()));
        List<Item> view = List.copyOf(items);
        for (Step step : steps) {
            List<Enrichments> answer = ask(step, view);
            for (int i = 0; i < found.size(); i++) {
                found.set(i, found.get(i).merge(answer.get(i)));
            }
        }
        List<Item> enriched = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            enriched.add(items.get(i).withEnrichments(found.get(i)));
        }
        return enriched;
    }

    private static List<Enrichments> ask(Step step, List<Item> items) {
        String id = step.enricher().id();
        List<Enrichments> answer;
        try {
            answer = step.enricher().enrich(items, step.context());
        } catch (ExportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ExportException.of(ErrorCode.INTERNAL, "The " + id + " enricher failed on a page of " + items.size()
                    + " items: " + step.context().redact(String.valueOf(e)) + ". This is a bug in the enricher; the "
                    + "export can be resumed from the page before.", e);
        }
        boolean nulls = answer != null && answer.stream().anyMatch(Objects::isNull);
        if (answer == null || answer.size() != items.size() || nulls) {
            throw ExportException.of(ErrorCode.INTERNAL, "The " + id + " enricher answered "
                    + (answer == null ? "nothing" : answer.size() + " results" + (nulls ? " with a null among them" : ""))
                    + " for " + items.size() + " items; it must give one Enrichments per item, in order. This is a bug "
                    + "in the enricher.");
        }
        return answer;
    }
}
