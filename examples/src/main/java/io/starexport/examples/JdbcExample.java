package io.starexport.examples;

import io.starexport.StarExport;
import io.starexport.api.Author;
import io.starexport.api.Comment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Streams comments into an embedded H2 database through plain JDBC: one prepared statement, rows added with
 * {@code addBatch} and sent with {@code executeBatch} every {@value #BATCH_SIZE} rows, one transaction per
 * batch. The export is never held in memory, so this works the same for a thread of a million comments.
 *
 * <p>Arguments: a JDBC URL (default {@code jdbc:h2:./starexport-comments}, a file in the working directory)
 * and the URL to export (default a sandbox Reddit thread).
 */
public final class JdbcExample {
    /** Rows per batch and per transaction. */
    static final int BATCH_SIZE = 100;

    /** Text ids as the platforms give them; Unicode text of any length; unknown values NULL, never 0. */
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS comments (
                platform    VARCHAR(32)              NOT NULL,
                id          VARCHAR(128)             NOT NULL,
                post_id     VARCHAR(128)             NOT NULL,
                parent_id   VARCHAR(128),
                depth       INTEGER                  NOT NULL,
                author      VARCHAR(255),
                created_at  TIMESTAMP WITH TIME ZONE,
                like_count  BIGINT,
                reply_count BIGINT,
                pinned      BOOLEAN                  NOT NULL,
                body        CHARACTER LARGE OBJECT   NOT NULL,
                PRIMARY KEY (platform, id)
            )""";

    /**
     * H2's {@code MERGE ... KEY} inserts a row or replaces the one with the same key, so exporting the same
     * thread again updates it instead of failing (PostgreSQL: {@code INSERT ... ON CONFLICT ... DO UPDATE}).
     */
    static final String UPSERT = "MERGE INTO comments (platform, id, post_id, parent_id, depth, author, created_at,"
            + " like_count, reply_count, pinned, body) KEY (platform, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private JdbcExample() {
    }

    public static void main(String[] args) throws SQLException {
        String jdbcUrl = args.length > 0 ? args[0] : "jdbc:h2:./starexport-comments";
        String url = args.length > 1 ? args[1] : "https://www.reddit.com/r/java/comments/1abc2d/";
        try (StarExport star = StarExport.builder().sandbox(true).build();
             Connection db = DriverManager.getConnection(jdbcUrl);
             Stream<Comment> comments = star.export(url).comments().replies(true).limit(1_000).stream()) {
            createTable(db);
            long stored = store(comments, db, BATCH_SIZE);
            try (Statement query = db.createStatement();
                 ResultSet counts = query.executeQuery("SELECT COUNT(*), COUNT(parent_id) FROM comments")) {
                counts.next();
                System.out.println("stored " + stored + " comments; the table holds " + counts.getLong(1) + " rows ("
                        + counts.getLong(2) + " replies)");
            }
        }
    }

    /** Creates the {@code comments} table unless it exists. */
    static void createTable(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(SCHEMA);
        }
    }

    /**
     * Writes the comments as they stream in and returns how many were stored. Each batch is committed on its
     * own: when the export fails part-way (an {@code ExportException} from the stream), the batches already
     * committed stay, the open one is rolled back, and running the export again completes the table.
     */
    static long store(Stream<Comment> comments, Connection db, int batchSize) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        long stored = 0;
        int pending = 0;
        try (PreparedStatement upsert = db.prepareStatement(UPSERT)) {
            for (Iterator<Comment> it = comments.iterator(); it.hasNext(); ) {
                bind(upsert, it.next());
                upsert.addBatch();
                if (++pending == batchSize) {
                    stored += commit(upsert, db, pending);
                    pending = 0;
                }
            }
            if (pending > 0) {
                stored += commit(upsert, db, pending);
            }
            return stored;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static int commit(PreparedStatement upsert, Connection db, int rows) throws SQLException {
        upsert.executeBatch();
        db.commit();
        System.out.println("committed a batch of " + rows + " rows");
        return rows;
    }

    private static void bind(PreparedStatement upsert, Comment comment) throws SQLException {
        upsert.setString(1, comment.platform());
        upsert.setString(2, comment.id());
        upsert.setString(3, comment.postId());
        upsert.setString(4, comment.parentId().orElse(null));
        upsert.setInt(5, comment.depth());
        upsert.setString(6, comment.author().flatMap(Author::handle).orElse(null));
        if (comment.createdAt().isPresent()) {
            upsert.setObject(7, OffsetDateTime.ofInstant(comment.createdAt().get(), ZoneOffset.UTC));
        } else {
            upsert.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        setLong(upsert, 8, comment.likeCount());
        setLong(upsert, 9, comment.replyCount());
        upsert.setBoolean(10, comment.pinned());
        upsert.setString(11, comment.text());
    }

    private static void setLong(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}
