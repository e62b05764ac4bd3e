package io.starexport.writer.html;

import io.starexport.api.Target;

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

    static String summary(String contentName, Optional<Target> exported, Aggregates all) {
        StringBuilder html = new StringBuilder("<section id=\"summary\"><h1>")
                .append(escape(capitalized(contentName))).append(" report</h1><dl>");
        term(html, "Platform", all.platforms.isEmpty() ? "–" : String.join(", ", all.platforms));
        if (exported.isPresent()) {
            Target target = exported.get();
            term(html, "Target", target.kind().name().toLowerCase(Locale.ROOT) + " " + target.id() + " (" + target.url()
                    + ")");
        } else {
            term(html, "Target", all.targets.isEmpty() ? "–" : String.join(", ", all.targets)
                    + (all.moreTargets > 0 ? " and " + count(all.moreTargets) + " items of other targets" : ""));
        }
        String items = count(all.items) + " " + contentName
                + (all.replies > 0 ? " (" + count(all.items - all.replies) + " top-level, " + count(all.replies)
                + (all.replies == 1 ? " reply)" : " replies)") : "");
        term(html, "Items", items);
        term(html, "Authors", all.authorsEstimated ? "more than " + count(Aggregates.AUTHOR_CAPACITY) : count(all.authors()));
        String range = all.first == null ? "–" : DATE_TIME.format(all.first) + " – " + DATE_TIME.format(all.last) + " UTC";
        if (all.approximateDates > 0) {
            range += " (" + count(all.approximateDates) + " dates approximate)";
        }
        term(html, "Date range", range);
        return html.append("</dl></section>\n").toString();
    }

    private static void term(StringBuilder html, String name, String value) {
        html.append("<dt>").append(name).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    static String charts(String contentName, Aggregates all) {
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
            return "<p class=\"empty\">No dates.</p>";
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
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 ").append(width).append(' ').append(height + 20)
                .append("\" role=\"img\" aria-label=\"items per ").append(unit.toString().toLowerCase(Locale.ROOT))
                .append("\">");
        int i = 0;
        List<String> labels = new ArrayList<>(buckets.keySet());
        for (Map.Entry<String, Long> bucket : buckets.entrySet()) {
            double barHeight = bucket.getValue() == 0 ? 0 : Math.max(1, (double) bucket.getValue() / max * height);
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\">",
                    i * barWidth + barWidth * 0.1, height - barHeight, barWidth * 0.8, barHeight));
            svg.append("<title>").append(escape(bucket.getKey())).append(": ").append(count(bucket.getValue()))
                    .append("</title></rect>");
            i++;
        }
        svg.append("<text x=\"0\" y=\"").append(height + 16).append("\">").append(escape(labels.get(0))).append("</text>");
        if (labels.size() > 1) {
            svg.append("<text x=\"").append(width).append("\" y=\"").append(height + 16)
                    .append("\" text-anchor=\"end\">").append(escape(labels.get(labels.size() - 1))).append("</text>");
        }
        svg.append("<text x=\"").append(width).append("\" y=\"12\" text-anchor=\"end\">max ").append(count(max))
                .append(" per ").append(unit == ChronoUnit.DAYS ? "day" : unit == ChronoUnit.MONTHS ? "month" : "year")
                .append("</text></svg>");
        return svg.toString();
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

    private static String topAuthors(Aggregates all) {
        List<Aggregates.AuthorCount> top = all.topAuthors(TOP_AUTHORS);
        if (top.isEmpty()) {
            return "<p class=\"empty\">No authors.</p>";
        }
        long max = top.get(0).count();
        int rowHeight = 22;
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 800 ").append(top.size() * rowHeight)
                .append("\" role=\"img\" aria-label=\"top authors\">");
        for (int i = 0; i < top.size(); i++) {
            Aggregates.AuthorCount author = top.get(i);
            double barWidth = Math.max(1, (double) author.count() / max * 480);
            int y = i * rowHeight;
            svg.append("<text x=\"240\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(escape(shortened(author.label(), 36))).append("</text>");
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"250\" y=\"%d\" width=\"%.2f\" height=\"16\">", y + 3,
                    barWidth));
            svg.append("<title>").append(escape(author.label())).append(": ").append(count(author.count()))
                    .append("</title></rect>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">", 256 + barWidth, y + 15))
                    .append(count(author.count())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    static String mostLiked(Aggregates all) {
        List<Aggregates.Liked> liked = all.mostLiked();
        if (liked.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"liked\"><h2>Most liked</h2><ol>");
        for (Aggregates.Liked item : liked) {
            html.append("<li><p class=\"text\">").append(escape(item.text())).append("</p><p class=\"meta\">")
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

    private static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
