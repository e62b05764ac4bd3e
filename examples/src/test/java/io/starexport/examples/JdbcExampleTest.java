package io.starexport.examples;

import io.starexport.StarExport;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.testing.Failure;
import io.starexport.testing.FakePlatform;
import io.starexport.testing.StarExportExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The JDBC example stores exactly what the export streams, one row per comment, and a failed export leaves
 * only whole committed batches that a second run completes. The exports come from the test kit's fake
 * platform, served over loopback HTTP through the real engine.
 */
@ExtendWith(StarExportExtension.class)
class JdbcExampleTest {
    @TempDir
    java.nio.file.Path dir;

    /** A comment as a row of the table, in the table's types. */
    private record Row(String platform, String id, String postId, String parentId, int depth, String author,
                       Instant createdAt, Long likeCount, String body) {
        static Row of(Comment c) {
            return new Row(c.platform(), c.id(), c.postId(), c.parentId().orElse(null), c.depth(),
                    c.author().flatMap(Author::handle).orElse(null), c.createdAt().orElse(null),
                    c.likeCount().isPresent() ? c.likeCount().getAsLong() : null, c.text());
        }
    }

    private Connection database() throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:h2:" + dir.resolve("comments").toAbsolutePath());
        JdbcExample.createTable(db);
        return db;
    }

    private static List<Row> rows(Connection db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT platform, id, post_id, parent_id, depth, author, created_at,"
                     + " like_count, body FROM comments ORDER BY created_at DESC NULLS LAST, id")) {
            while (rs.next()) {
                OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
                long likes = rs.getLong("like_count");
                rows.add(new Row(rs.getString("platform"), rs.getString("id"), rs.getString("post_id"),
                        rs.getString("parent_id"), rs.getInt("depth"), rs.getString("author"),
                        created == null ? null : created.toInstant(), rs.wasNull() ? null : likes, rs.getString("body")));
            }
        }
        return rows;
    }

    /** Two pages: a long, quoted, multi-line, non-Latin comment, a reply, and one with no author, date or likes. */
    private static List<List<Comment>> thread() {
        List<Comment> first = new ArrayList<>();
        first.add(Comment.builder().platform("fake").id("top").postId("p1")
                .text("Line one, \"quoted\";\nline two — ünïcödé, 日本語, 🎉 " + "x".repeat(5_000))
                .author(Author.builder().handle("ada").build()).createdAt(Instant.parse("2025-03-01T10:00:00Z"))
                .likeCount(42L).build());
        first.add(Comment.builder().platform("fake").id("reply").postId("p1").parentId("top").text("A reply")
                .author(Author.builder().handle("alan").build()).createdAt(Instant.parse("2025-03-01T09:00:00Z"))
                .likeCount(0L).build());
        List<Comment> second = List.of(Comment.builder().platform("fake").id("anonymous").postId("p1")
                .text("No author, date or likes").build());
        return List.of(first, second);
    }

    @Test
    void storesOneRowPerExportedCommentWithItsValues(StarExport star, FakePlatform fake) throws SQLException {
        fake.post("p1", thread());
        List<Comment> exported;
        try (Stream<Comment> comments = star.export(fake.url("p1")).comments().replies(true).stream()) {
            exported = comments.toList();
        }

        long stored;
        List<Row> rows;
        try (Connection db = database();
             Stream<Comment> comments = star.export(fake.url("p1")).comments().replies(true).stream()) {
            stored = JdbcExample.store(comments, db, 2);
            rows = rows(db);
        }

        assertThat(exported).hasSize(3);
        assertThat(stored).isEqualTo(3);
        assertThat(rows).containsExactlyElementsOf(exported.stream().map(Row::of).toList());
        assertThat(rows.get(1).parentId()).isEqualTo("top");
        assertThat(rows.get(1).depth()).isEqualTo(1);
        assertThat(rows.get(2)).extracting(Row::author, Row::createdAt, Row::likeCount).containsOnlyNulls();
    }

    @Test
    void keepsCommittedBatchesWhenTheExportFailsAndARerunCompletesTheTable(StarExport star, FakePlatform fake)
            throws SQLException {
        fake.post("p1", 35).failPage("p1", 3, Failure.status(404));

        try (Connection db = database()) {
            ExportException failure;
            try (Stream<Comment> comments = star.export(fake.url("p1")).comments().stream()) {
                failure = catchThrowableOfType(ExportException.class, () -> JdbcExample.store(comments, db, 15));
            }
            assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(rows(db)).extracting(Row::id).containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8",
                    "c9", "c10", "c11", "c12", "c13", "c14", "c15");
            assertThat(db.getAutoCommit()).isTrue();

            long stored;
            try (Stream<Comment> comments = star.export(fake.url("p1")).comments().stream()) {
                stored = JdbcExample.store(comments, db, 15);
            }
            assertThat(stored).isEqualTo(35);
            assertThat(rows(db)).hasSize(35).extracting(Row::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void mainStoresTheSandboxThreadAndPrintsTheCounts() throws Exception {
        String jdbcUrl = "jdbc:h2:" + dir.resolve("main").toAbsolutePath();
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            JdbcExample.main(new String[] {jdbcUrl});
        } finally {
            System.setOut(original);
        }
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();

        long rows;
        long replies;
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement query = db.createStatement();
             ResultSet counts = query.executeQuery("SELECT COUNT(*), COUNT(parent_id) FROM comments")) {
            counts.next();
            rows = counts.getLong(1);
            replies = counts.getLong(2);
        }
        assertThat(rows).isEqualTo(1_000);
        assertThat(replies).isPositive();
        assertThat(printed).hasSize(11);
        assertThat(printed.subList(0, 10)).containsOnly("committed a batch of 100 rows");
        assertThat(printed.get(10)).isEqualTo("stored 1000 comments; the table holds 1000 rows (" + replies + " replies)");
    }
}
