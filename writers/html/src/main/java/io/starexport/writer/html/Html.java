package io.starexport.writer.html;

import io.starexport.api.Target;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Escaping and the static parts of the report that Java renders: summary, charts, most-liked list. */
final class Html {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int TOP_AUTHORS = 10;
    private static final int MAX_DAY_BARS = 92;
    private static final int MAX_MONTH_BARS = 72;

    private Html() {
    }

    /** Text safe in HTML content and in quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Only http and https links are ever made clickable; {@code javascript:} and the like stay text. */
    static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * The header (the post's or video's title when known, else the report's name, and when and from where it
     * was exported), then the summary; a report without items says what that means instead of showing zeros.
     */
    static String summary(String contentName, Optional<Target> exported, Optional<String> title, Instant exportedAt,
                          Aggregates all) {
        StringBuilder html = new StringBuilder("<section id=\"summary\"><h1>")
                .append(escape(title.orElse(capitalized(contentName) + " report"))).append("</h1><p class=\"exported\">")
                .append(title.isPresent() ? escape(capitalized(contentName)) + " exported " : "Exported ")
                .append(DATE_TIME.format(exportedAt)).append(" UTC");
        exported.filter(target -> isWebLink(target.url())).ifPresent(target -> html.append(" from <a href=\"")
                .append(escape(target.url())).append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
                .append(escape(target.url())).append("</a>"));
        html.append("</p>");
        if (all.items == 0) {
            html.append("<p class=\"empty\">").append(escape(emptyState(contentName, exported))).append("</p>");
        }
        html.append("<dl>");
        term(html, "Platform", all.platforms.isEmpty()
                ? exported.map(Target::platform).orElse("–") : String.join(", ", all.platforms));
        if (exported.isPresent()) {
            Target target = exported.get();
            term(html, "Target", target.kind().name().toLowerCase(Locale.ROOT) + " " + target.id() + " (" + target.url()
                    + ")");
        } else {
            term(html, "Target", all.targets.isEmpty() ? "–" : String.join(", ", all.targets)
                    + (all.moreTargets > 0 ? " and " + count(all.moreTargets) + " items of other targets" : ""));
        }
        String items = count(all.items) + " " + (all.items == 1 && contentName.equals("profiles") ? "profile" : contentName)
                + (all.replies > 0 ? " (" + count(all.items - all.replies) + " top-level, " + count(all.replies)
                + (all.replies == 1 ? " reply)" : " replies)") : "");
        term(html, "Items", items);
        if (!contentName.equals("profiles")) {
            term(html, "Authors", all.authorsEstimated ? "more than " + count(Aggregates.AUTHOR_CAPACITY)
                    : count(all.authors()));
            String range = all.first == null ? "–" : DATE_TIME.format(all.first) + " – " + DATE_TIME.format(all.last)
                    + " UTC";
            if (all.approximateDates > 0) {
                range += " (" + count(all.approximateDates) + " dates approximate)";
            }
            term(html, "Date range", range);
        }
        return html.append("</dl></section>\n").toString();
    }

    private static String emptyState(String contentName, Optional<Target> exported) {
        if (contentName.equals("profiles")) {
            return "No profile was exported: the account may not exist any more, be private, or be out of reach"
                    + " of the credentials used.";
        }
        return "No " + contentName + " were exported: " + exported.map(target -> "this "
                + target.kind().name().toLowerCase(Locale.ROOT)).orElse("the target")
                + " has none, they are hidden, or none matched the export's filters.";
    }

    private static void term(StringBuilder html, String name, String value) {
        html.append("<dt>").append(name).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    /**
     * Items over time and the top authors. Every label is HTML text laid out beside, above or below the bars,
     * never drawn over them, so no bar can cover a label whatever the width. A report with one item per
     * profile has no charts.
     */
    static String charts(String contentName, Aggregates all) {
        if (contentName.equals("profiles") || all.items == 0) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"charts\">");
        html.append("<figure><figcaption>").append(escape(capitalized(contentName))).append(" over time</figcaption>");
        html.append(overTime(all));
        html.append("</figure><figure><figcaption>Top authors");
        if (all.authorsEstimated) {
            html.append(" (estimated: more than ").append(count(Aggregates.AUTHOR_CAPACITY)).append(" authors)");
        }
        html.append("</figcaption>").append(topAuthors(all)).append("</figure></section>\n");
        return html.toString();
    }

    /** Bars per day, per month or per year, whichever keeps the chart readable. */
    private static String overTime(Aggregates all) {
        if (all.perDay.isEmpty()) {
            return "<p class=\"empty\">No dates: the platform gave none.</p>";
        }
        LocalDate first = all.perDay.firstKey();
        LocalDate last = all.perDay.lastKey();
        Map<String, Long> buckets = new LinkedHashMap<>();
        ChronoUnit unit = ChronoUnit.DAYS.between(first, last) < MAX_DAY_BARS ? ChronoUnit.DAYS
                : ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)) < MAX_MONTH_BARS
                ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
        for (LocalDate day = bucketStart(first, unit); !day.isAfter(last); day = day.plus(1, unit)) {
            buckets.put(bucketLabel(day, unit), 0L);
        }
        all.perDay.forEach((day, n) -> buckets.merge(bucketLabel(bucketStart(day, unit), unit), n, Long::sum));
        long max = buckets.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int width = 800;
        int height = 200;
        double barWidth = (double) width / buckets.size();
        String per = unit == ChronoUnit.DAYS ? "day" : unit == ChronoUnit.MONTHS ? "month" : "year";
        StringBuilder html = new StringBuilder("<p class=\"scale label\">max ").append(count(max)).append(" per ")
                .append(per).append("</p>");
        html.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"items per ").append(per).append("\">");
        int i = 0;
        List<String> labels = new ArrayList<>(buckets.keySet());
        for (Map.Entry<String, Long> bucket : buckets.entrySet()) {
            double barHeight = bucket.getValue() == 0 ? 0 : Math.max(1, (double) bucket.getValue() / max * height);
            html.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\">",
                    i * barWidth + barWidth * 0.1, height - barHeight, barWidth * 0.8, barHeight));
            html.append("<title>").append(escape(bucket.getKey())).append(": ").append(count(bucket.getValue()))
                    .append("</title></rect>");
            i++;
        }
        html.append("</svg><p class=\"axis\"><span class=\"label\">").append(escape(labels.get(0))).append("</span>");
        if (labels.size() > 1) {
            html.append("<span class=\"label\">").append(escape(labels.get(labels.size() - 1))).append("</span>");
        }
        return html.append("</p>").toString();
    }

    private static LocalDate bucketStart(LocalDate day, ChronoUnit unit) {
        return switch (unit) {
            case DAYS -> day;
            case MONTHS -> day.withDayOfMonth(1);
            default -> day.withDayOfYear(1);
        };
    }

    private static String bucketLabel(LocalDate start, ChronoUnit unit) {
        String iso = start.toString();
        return switch (unit) {
            case DAYS -> iso;
            case MONTHS -> iso.substring(0, 7);
            default -> iso.substring(0, 4);
        };
    }

    /** One row per author: the name (cut with an ellipsis when it does not fit), a meter and the count. */
    private static String topAuthors(Aggregates all) {
        List<Aggregates.AuthorCount> top = all.topAuthors(TOP_AUTHORS);
        if (top.isEmpty()) {
            return "<p class=\"empty\">No authors: the platform named none.</p>";
        }
        long max = top.get(0).count();
        StringBuilder html = new StringBuilder("<ol class=\"authors\">");
        for (Aggregates.AuthorCount author : top) {
            html.append("<li><span class=\"name label\" title=\"").append(escape(author.label())).append("\">")
                    .append(escape(author.label())).append("</span><meter min=\"0\" max=\"").append(max)
                    .append("\" value=\"").append(author.count()).append("\"></meter><span class=\"n label\">")
                    .append(count(author.count())).append("</span></li>");
        }
        return html.append("</ol>").toString();
    }

    static String mostLiked(Aggregates all) {
        List<Aggregates.Liked> liked = all.mostLiked();
        if (liked.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"liked\"><h2>Most liked</h2><ol>");
        for (Aggregates.Liked item : liked) {
            html.append("<li>").append(item.markdown()
                            ? "<div class=\"text markdown\">" + Markdown.html(Markdown.parse(item.text())) + "</div>"
                            : "<p class=\"text\">" + escape(item.text()) + "</p>")
                    .append("<p class=\"meta\">")
                    .append(count(item.likes())).append(" likes");
            if (!item.author().isEmpty()) {
                html.append(" · ").append(escape(item.author()));
            }
            item.createdAt().ifPresent(at -> html.append(" · ").append(DATE_TIME.format(at)).append(" UTC"));
            item.url().ifPresent(url -> html.append(" · <a href=\"").append(escape(url))
                    .append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">open</a>"));
            html.append("</p></li>");
        }
        return html.append("</ol></section>\n").toString();
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
