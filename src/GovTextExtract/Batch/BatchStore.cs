using System.Globalization;
using System.Text.Json;
using GovTextExtract.Output;
using Microsoft.Data.Sqlite;

namespace GovTextExtract.Batch;

/// <summary>The SQLite store of a batch: a <c>documents</c> table (one row per document key, with its size, SHA-256,
/// format, status, error and timings) and a <c>records</c> table (one row per record, its fields flattened and the
/// whole record as JSON).</summary>
/// <remarks>
/// <para>Each document is written in its own transaction, in write-ahead-log mode: a process killed at any moment
/// (even by SIGKILL) leaves every document it had committed, whole, and none in part. Writing a key again replaces
/// its row and records in the same transaction, so a resumed run never duplicates a record. (With
/// <c>synchronous=NORMAL</c> the last commits may be lost on a power failure, never on a process crash; the store
/// stays consistent either way.)</para>
/// <para>Not thread-safe: one writer. Workers read through <see cref="OpenIndex"/>, each on its own connection. One
/// process at a time: <see cref="Open(string)"/> takes an exclusive lock on <c>STORE.lock</c> beside the store and
/// fails at once, with <see cref="BatchStoreException"/>, when another process holds it.</para>
/// </remarks>
public sealed class BatchStore : IBatchSink
{
    /// <summary>The version of the tables this code writes; a store of another version is refused.</summary>
    public const int SchemaVersion = 1;

    private const string Kind = "govtext-batch";
    private readonly SqliteConnection _db;
    private readonly SqliteCommand _deleteRecords;
    private readonly SqliteCommand _upsertDocument;
    private readonly SqliteCommand _insertRecord;

    private readonly StoreLock _lock;

    private BatchStore(string path, SqliteConnection db, StoreLock writerLock)
    {
        Path = path;
        _db = db;
        _lock = writerLock;
        _deleteRecords = Command("DELETE FROM records WHERE document_id = (SELECT id FROM documents WHERE path = $path)", "$path");
        _upsertDocument = Command(
            "INSERT INTO documents (path, size, sha256, format, encoding, status, failure, error, record_count, " +
            "read_ms, load_ms, extract_ms, total_ms, processed_at) VALUES ($path, $size, $sha256, $format, $encoding, " +
            "$status, $failure, $error, $record_count, $read_ms, $load_ms, $extract_ms, $total_ms, $processed_at) " +
            "ON CONFLICT (path) DO UPDATE SET size = excluded.size, sha256 = excluded.sha256, format = excluded.format, " +
            "encoding = excluded.encoding, status = excluded.status, failure = excluded.failure, error = excluded.error, " +
            "record_count = excluded.record_count, read_ms = excluded.read_ms, load_ms = excluded.load_ms, " +
            "extract_ms = excluded.extract_ms, total_ms = excluded.total_ms, processed_at = excluded.processed_at " +
            "RETURNING id",
            "$path", "$size", "$sha256", "$format", "$encoding", "$status", "$failure", "$error", "$record_count",
            "$read_ms", "$load_ms", "$extract_ms", "$total_ms", "$processed_at");
        var columns = RecordRow.Columns.Select(c => c.Name).ToArray();
        _insertRecord = Command(
            $"INSERT INTO records (document_id, ordinal, {string.Join(", ", columns)}, json) VALUES ($document_id, $ordinal, " +
            $"{string.Join(", ", columns.Select(c => "$" + c))}, $json)",
            ["$document_id", "$ordinal", .. columns.Select(c => "$" + c), "$json"]);
    }

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <summary>Opens a store, creating it when the file does not exist.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <exception cref="BatchStoreException">The file is not a store of this version, or cannot be opened or
    /// created.</exception>
    public static BatchStore Open(string path) => Open(path, durable: true);

    /// <summary>Opens a store; a store that is not <paramref name="durable"/> (the temporary output of a merge, moved
    /// into place only when complete) skips the journal and syncs.</summary>
    internal static BatchStore Open(string path, bool durable)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BatchStoreException(path, "not a valid path: " + e.Message, e);
        }
        if (Directory.Exists(full))
            throw new BatchStoreException(path, "is a folder; give a file name for the store");
        var dir = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new BatchStoreException(path, $"cannot create the store: folder {dir} does not exist");
        var type = Loading.FileTypes.Of(full);
        if (Loading.FileTypes.IsSpecial(type))
            throw new BatchStoreException(path, $"is {Loading.FileTypes.Describe(type)}, not a regular file; give a file name for the store");
        // One writer per store: taken before SQLite opens the file, so that a second process fails here at once,
        // before it can race to create the tables or redo the work.
        var writerLock = StoreLock.Acquire(full, path);
        SqliteConnection? db = null;
        try
        {
            db = new SqliteConnection(ConnectionString(full, SqliteOpenMode.ReadWriteCreate));
            db.Open();
            Execute(db, durable
                ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                : "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;");
            CreateOrCheckSchema(db, path);
            return new BatchStore(full, db, writerLock);
        }
        catch (SqliteException e)
        {
            db?.Dispose();
            writerLock.Dispose();
            throw new BatchStoreException(path, Describe(e), e);
        }
        catch
        {
            db?.Dispose();
            writerLock.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public IBatchDoneIndex OpenIndex()
    {
        try
        {
            return new Index(Path);
        }
        catch (SqliteException e)
        {
            throw new BatchStoreException(Path, Describe(e), e);
        }
    }

    /// <inheritdoc/>
    public void Write(BatchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            using var tx = _db.BeginTransaction();
            _deleteRecords.Transaction = tx;
            _upsertDocument.Transaction = tx;
            _insertRecord.Transaction = tx;
            _deleteRecords.Parameters["$path"].Value = document.Key;
            _deleteRecords.ExecuteNonQuery();
            var p = _upsertDocument.Parameters;
            p["$path"].Value = document.Key;
            p["$size"].Value = document.Size;
            p["$sha256"].Value = (object?)document.Sha256 ?? DBNull.Value;
            p["$format"].Value = (object?)document.Format ?? DBNull.Value;
            p["$encoding"].Value = (object?)document.Encoding ?? DBNull.Value;
            p["$status"].Value = StatusName(document.Status);
            p["$failure"].Value = (object?)document.Failure ?? DBNull.Value;
            p["$error"].Value = (object?)document.Error ?? DBNull.Value;
            p["$record_count"].Value = document.Records.Count;
            p["$read_ms"].Value = Math.Round(document.ReadMs, 3);
            p["$load_ms"].Value = Math.Round(document.LoadMs, 3);
            p["$extract_ms"].Value = Math.Round(document.ExtractMs, 3);
            p["$total_ms"].Value = Math.Round(document.TotalMs, 3);
            p["$processed_at"].Value = document.ProcessedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            var id = (long)_upsertDocument.ExecuteScalar()!;
            for (var i = 0; i < document.Records.Count; i++)
            {
                var record = document.Records[i];
                var rp = _insertRecord.Parameters;
                rp[0].Value = id;
                rp[1].Value = i;
                var values = RecordRow.Values(record);
                for (var c = 0; c < values.Length; c++)
                    rp[2 + c].Value = values[c] ?? DBNull.Value;
                rp[^1].Value = JsonSerializer.Serialize(record, RecordJson.Compact);
                _insertRecord.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (SqliteException e)
        {
            throw new BatchStoreException(Path, "cannot write: " + Describe(e), e);
        }
    }

    /// <summary>The counts of documents by status and of records.</summary>
    public StoreCounts Counts()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT " +
                          "(SELECT count(*) FROM documents WHERE status = 'ok'), " +
                          "(SELECT count(*) FROM documents WHERE status = 'failed'), " +
                          "(SELECT count(*) FROM records)";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Every document of the store with its records' JSON, in ordinal order of key, one at a time (the
    /// store is read as it goes, never held whole).</summary>
    public IEnumerable<StoredDocument> ReadDocuments()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText =
            "SELECT d.path, d.size, d.sha256, d.format, d.encoding, d.status, d.failure, d.error, r.json " +
            "FROM documents d LEFT JOIN records r ON r.document_id = d.id ORDER BY d.path COLLATE BINARY, r.ordinal";
        using var reader = cmd.ExecuteReader();
        StoredDocument? current = null;
        List<string> records = [];
        while (reader.Read())
        {
            var path = reader.GetString(0);
            if (current is not null && current.Key != path)
            {
                yield return current with { RecordJson = records };
                records = [];
                current = null;
            }
            current ??= new StoredDocument
            {
                Key = path,
                Size = reader.GetInt64(1),
                Sha256 = reader.IsDBNull(2) ? null : reader.GetString(2),
                Format = reader.IsDBNull(3) ? null : reader.GetString(3),
                Encoding = reader.IsDBNull(4) ? null : reader.GetString(4),
                Status = reader.GetString(5) == "ok" ? BatchStatus.Ok : BatchStatus.Failed,
                Failure = reader.IsDBNull(6) ? null : reader.GetString(6),
                Error = reader.IsDBNull(7) ? null : reader.GetString(7),
                RecordJson = [],
            };
            if (!reader.IsDBNull(8))
                records.Add(reader.GetString(8));
        }
        if (current is not null)
            yield return current with { RecordJson = records };
    }

    /// <summary>Copies the documents of another store into this one, in one transaction: a key this store lacks is
    /// added; a key both hold keeps the better outcome (extracted over failed, then the later one).</summary>
    /// <returns>How many documents were added, replaced or kept as they were, and the keys whose contents differ.</returns>
    internal MergeCounts MergeFrom(string source)
    {
        var counts = new MergeCounts();
        var columns = string.Join(", ", RecordRow.Columns.Select(c => c.Name));
        try
        {
            Execute(_db, $"ATTACH DATABASE {Quote(source)} AS src");
        }
        catch (SqliteException e)
        {
            throw new BatchStoreException(source, "cannot open: " + Describe(e), e);
        }
        try
        {
            CheckSchema(_db, "src.", source);
            using var tx = _db.BeginTransaction();
            using var read = _db.CreateCommand();
            read.Transaction = tx;
            read.CommandText = "SELECT s.id, s.path, s.status, s.sha256, s.processed_at, d.id, d.status, d.sha256, d.processed_at " +
                               "FROM src.documents s LEFT JOIN main.documents d ON d.path = s.path ORDER BY s.path";
            var actions = new List<(long SourceId, long? TargetId)>();
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    var sourceId = reader.GetInt64(0);
                    if (reader.IsDBNull(5))
                    {
                        actions.Add((sourceId, null));
                        counts.Added++;
                        continue;
                    }
                    var sourceOk = reader.GetString(2) == "ok";
                    var targetOk = reader.GetString(6) == "ok";
                    var sameContent = !reader.IsDBNull(3) && !reader.IsDBNull(7) && reader.GetString(3) == reader.GetString(7);
                    if (!sameContent && sourceOk && targetOk)
                        counts.Conflicts.Add(reader.GetString(1));
                    var replace = sourceOk != targetOk
                        ? sourceOk
                        : !sameContent && string.CompareOrdinal(reader.GetString(4), reader.GetString(8)) > 0;
                    if (replace)
                    {
                        actions.Add((sourceId, reader.GetInt64(5)));
                        counts.Replaced++;
                    }
                    else
                    {
                        counts.Kept++;
                    }
                }
            }
            using var deleteDoc = Command("DELETE FROM main.documents WHERE id = $id", "$id");
            using var copyDoc = Command(
                "INSERT INTO main.documents (path, size, sha256, format, encoding, status, failure, error, record_count, " +
                "read_ms, load_ms, extract_ms, total_ms, processed_at) SELECT path, size, sha256, format, encoding, status, " +
                "failure, error, record_count, read_ms, load_ms, extract_ms, total_ms, processed_at FROM src.documents " +
                "WHERE id = $id RETURNING id", "$id");
            using var copyRecords = Command(
                $"INSERT INTO main.records (document_id, ordinal, {columns}, json) SELECT $new, ordinal, {columns}, json " +
                "FROM src.records WHERE document_id = $id ORDER BY ordinal", "$new", "$id");
            foreach (var (sourceId, targetId) in actions)
            {
                deleteDoc.Transaction = copyDoc.Transaction = copyRecords.Transaction = tx;
                if (targetId is { } old)
                {
                    deleteDoc.Parameters[0].Value = old;
                    deleteDoc.ExecuteNonQuery();
                }
                copyDoc.Parameters[0].Value = sourceId;
                var newId = (long)copyDoc.ExecuteScalar()!;
                copyRecords.Parameters[0].Value = newId;
                copyRecords.Parameters[1].Value = sourceId;
                copyRecords.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (SqliteException e)
        {
            throw new BatchStoreException(source, "cannot merge: " + Describe(e), e);
        }
        finally
        {
            Execute(_db, "DETACH DATABASE src");
        }
        return counts;
    }

    /// <summary>Closes the store. The last connection to close folds the write-ahead log into the file, so a
    /// finished store is one self-contained file.</summary>
    public void Dispose()
    {
        _deleteRecords.Dispose();
        _upsertDocument.Dispose();
        _insertRecord.Dispose();
        _db.Dispose();
        _lock.Dispose();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in parameters)
            cmd.Parameters.Add(new SqliteParameter(name, null));
        return cmd;
    }

    internal static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        // A pooled connection would keep the file open after Dispose, and with it the -wal and -shm files.
        Pooling = false,
        DefaultTimeout = 60,
    }.ToString();

    private static void CreateOrCheckSchema(SqliteConnection db, string path)
    {
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
            if ((long)cmd.ExecuteScalar()! > 0)
            {
                CheckSchema(db, "", path);
                return;
            }
            cmd.CommandText = "SELECT count(*) FROM sqlite_master";
            if ((long)cmd.ExecuteScalar()! > 0)
                throw new BatchStoreException(path, "is an SQLite database but not a govtext batch store; give a new file name");
        }
        var recordColumns = string.Join(",\n  ", RecordRow.Columns.Select(c => $"{c.Name} {c.Type}"));
        Execute(db, $"""
            BEGIN;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta VALUES ('kind', '{Kind}'), ('schema_version', '{SchemaVersion}');
            CREATE TABLE documents (
              id INTEGER PRIMARY KEY,
              path TEXT NOT NULL UNIQUE,
              size INTEGER NOT NULL,
              sha256 TEXT,
              format TEXT,
              encoding TEXT,
              status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
              failure TEXT,
              error TEXT,
              record_count INTEGER NOT NULL,
              read_ms REAL, load_ms REAL, extract_ms REAL, total_ms REAL,
              processed_at TEXT NOT NULL
            );
            CREATE TABLE records (
              id INTEGER PRIMARY KEY,
              document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
              ordinal INTEGER NOT NULL,
              {recordColumns},
              json TEXT NOT NULL,
              UNIQUE (document_id, ordinal)
            );
            CREATE INDEX documents_sha256 ON documents (sha256);
            COMMIT;
            """);
    }

    private static void CheckSchema(SqliteConnection db, string schema, string path)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {schema}sqlite_master WHERE type = 'table' AND name = 'meta'";
        if ((long)cmd.ExecuteScalar()! == 0)
            throw new BatchStoreException(path, "not a govtext batch store (no meta table)");
        cmd.CommandText = $"SELECT value FROM {schema}meta WHERE key = 'kind'";
        if (cmd.ExecuteScalar() as string != Kind)
            throw new BatchStoreException(path, "not a govtext batch store");
        cmd.CommandText = $"SELECT value FROM {schema}meta WHERE key = 'schema_version'";
        var version = cmd.ExecuteScalar() as string;
        if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            throw new BatchStoreException(path, $"a batch store of schema version {version}, this govtext reads version {SchemaVersion}");
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string StatusName(BatchStatus status) => status == BatchStatus.Ok ? "ok" : "failed";

    internal static string Describe(SqliteException e) => e.SqliteErrorCode switch
    {
        26 => "not an SQLite database (file is not a database)",
        5 or 6 => "the store is locked by another process (is another batch writing to it?)",
        13 => "the disk is full",
        14 => "cannot open or create the store file: its folder is read-only, or the file cannot be read",
        8 => "the store is read-only: its file or folder may not be written",
        10 => "an I/O error reading or writing the store file (disk failing or removed?)",
        11 => "the store file is damaged (database disk image is malformed)",
        _ => e.Message.StartsWith("SQLite Error", StringComparison.Ordinal) ? e.Message : "SQLite: " + e.Message,
    };

    /// <summary>A worker's read-only view of the documents done.</summary>
    private sealed class Index : IBatchDoneIndex
    {
        private readonly SqliteConnection _db;
        private readonly SqliteCommand _lookup;

        public Index(string path)
        {
            _db = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
            _db.Open();
            _lookup = _db.CreateCommand();
            _lookup.CommandText = "SELECT 1 FROM documents WHERE path = $path AND sha256 = $sha256 AND status = 'ok'";
            _lookup.Parameters.Add(new SqliteParameter("$path", null));
            _lookup.Parameters.Add(new SqliteParameter("$sha256", null));
        }

        public bool IsDone(string key, string sha256)
        {
            _lookup.Parameters[0].Value = key;
            _lookup.Parameters[1].Value = sha256;
            return _lookup.ExecuteScalar() is not null;
        }

        public void Dispose()
        {
            _lookup.Dispose();
            _db.Dispose();
        }
    }
}

/// <summary>The contents of a store in numbers.</summary>
/// <param name="Extracted">Documents with status ok.</param>
/// <param name="Failed">Documents with status failed.</param>
/// <param name="Records">Records of all documents.</param>
public sealed record StoreCounts(long Extracted, long Failed, long Records);

/// <summary>A document as a store holds it, with its records as JSON.</summary>
public sealed record StoredDocument
{
    /// <summary>The document's key.</summary>
    public required string Key { get; init; }
    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string? Sha256 { get; init; }
    /// <summary>The format the loader read.</summary>
    public string? Format { get; init; }
    /// <summary>The encoding the text was decoded with.</summary>
    public string? Encoding { get; init; }
    /// <summary>Whether the document was extracted.</summary>
    public BatchStatus Status { get; init; }
    /// <summary>The kind of failure.</summary>
    public string? Failure { get; init; }
    /// <summary>The reason of the failure.</summary>
    public string? Error { get; init; }
    /// <summary>Each record as compact snake_case JSON, in document order.</summary>
    public required IReadOnlyList<string> RecordJson { get; init; }
}

/// <summary>What a merge did with the documents of one source store.</summary>
internal sealed class MergeCounts
{
    public int Added { get; set; }
    public int Replaced { get; set; }
    public int Kept { get; set; }
    public List<string> Conflicts { get; } = [];
}
