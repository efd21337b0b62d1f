package dev.lede.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite FTS5 through sqlite-jdbc, set up the usual way for a search box: the articles in a table
 * keyed by id (the stored copy, upsert by id), an external-content FTS5 index over title and body
 * kept in step by triggers, the porter + unicode61 tokenizer, ranking by {@code bm25} with the
 * title at half the body's weight, {@code highlight()} for the title and {@code snippet()} for one
 * body passage. Ingest is one transaction on one connection (SQLite has one writer); each searching
 * thread has its own read connection.
 */
final class Fts5System implements SearchSystem {
    private static final String SEARCH = "SELECT a.id, a.title, a.body FROM fts JOIN articles a ON a.rowid = fts.rowid"
            + " WHERE fts MATCH ? ORDER BY bm25(fts, 0.5, 1.0) LIMIT " + TOP;
    private static final String SEARCH_HIGHLIGHTED =
            "SELECT a.id, a.title, a.body, highlight(fts, 0, '<mark>', '</mark>'),"
                    + " snippet(fts, 1, '<mark>', '</mark>', '…', 32)"
                    + " FROM fts JOIN articles a ON a.rowid = fts.rowid"
                    + " WHERE fts MATCH ? ORDER BY bm25(fts, 0.5, 1.0) LIMIT " + TOP;

    private Path file;
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadLocal<Connection> readers = new ThreadLocal<>();

    @Override
    public String name() {
        return "fts5";
    }

    @Override
    public void ingest(Path folder, Iterable<BenchDoc> articles) throws IOException {
        Files.createDirectories(folder);
        file = folder.resolve("articles.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
                        + " title TEXT NOT NULL, body TEXT NOT NULL)");
                s.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, content='articles',"
                        + " content_rowid='rowid', tokenize='porter unicode61')");
                s.execute("CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
                        + " INSERT INTO fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END");
                s.execute("CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN"
                        + " INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);"
                        + " INSERT INTO fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END");
            }
            upsert(c, articles);
        } catch (SQLException e) {
            throw new IOException("FTS5 ingest failed", e);
        }
    }

    @Override
    public void reingest(Iterable<BenchDoc> articles) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=NORMAL"); // per connection; WAL mode stays with the file
            }
            upsert(c, articles);
        } catch (SQLException e) {
            throw new IOException("FTS5 re-ingest failed", e);
        }
    }

    /**
     * Upserts every article in one transaction. An article whose title and body the table already
     * holds is left alone (the upsert's WHERE), so its FTS5 entry is not deleted and written again.
     */
    private static void upsert(Connection c, Iterable<BenchDoc> articles) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO articles(id, title, body) VALUES (?, ?, ?)"
                + " ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body"
                + " WHERE articles.title IS NOT excluded.title OR articles.body IS NOT excluded.body")) {
            for (BenchDoc d : articles) {
                upsert.setString(1, d.id());
                upsert.setString(2, d.title());
                upsert.setString(3, d.body());
                upsert.executeUpdate();
            }
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public List<String> search(BenchQuery query, boolean highlight) throws IOException {
        try (PreparedStatement ps = reader().prepareStatement(highlight ? SEARCH_HIGHLIGHTED : SEARCH)) {
            ps.setString(1, query.fts5());
            List<String> ids = new ArrayList<>(TOP);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    rs.getString(2); // the stored article, as the other systems load it
                    rs.getString(3);
                    if (highlight) {
                        rs.getString(4);
                        rs.getString(5);
                    }
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IOException("FTS5 search failed: " + query.fts5(), e);
        }
    }

    private Connection reader() throws SQLException {
        Connection c = readers.get();
        if (c == null) {
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
            readers.set(c);
            synchronized (connections) {
                connections.add(c);
            }
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        synchronized (connections) {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    throw new IOException("closing FTS5 failed", e);
                }
            }
            connections.clear();
        }
    }
}
