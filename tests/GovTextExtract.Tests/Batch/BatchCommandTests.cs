using System.Text.Json;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Batch;

public sealed class BatchCommandTests : BatchTestBase
{
    private string Store => Path.Combine(Root, "out.sqlite");

    private void WriteMixedArchive()
    {
        Write("good-a.txt", TwoRecords);
        Write("sub/good-b.txt", OneRecord);
        Write("empty.txt", "");
        WriteBytes("bin.dat", Binary(4000));
    }

    [Fact]
    public void BadFilesAreRecordedAndTheOthersExtracted()
    {
        WriteMixedArchive();

        var (code, _, stderr) = Run("batch", Archive, "--out", Store, "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Equal(
            ["bin.dat\tfailed\tnot_text\t0", "empty.txt\tfailed\tempty\t0", "good-a.txt\tok\tNULL\t2", "sub/good-b.txt\tok\tNULL\t1"],
            Query(Store, "SELECT path, status, failure, record_count FROM documents ORDER BY path"));
        Assert.Equal(["3"], Query(Store, "SELECT count(*) FROM records"));
        Assert.Equal(["612\t500\t122.4"],
            Query(Store, "SELECT r.actual_value, r.target_value, r.reported_rate FROM records r JOIN documents d ON d.id = r.document_id WHERE d.path = 'sub/good-b.txt'"));
        // The summary names every failure with its reason.
        Assert.Contains("failed: bin.dat: not text", stderr, StringComparison.Ordinal);
        Assert.Contains("failed: empty.txt: empty", stderr, StringComparison.Ordinal);
        Assert.Contains("4 documents", stderr, StringComparison.Ordinal);
        Assert.Contains("2 extracted (3 records)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AllGoodExitsZero()
    {
        Write("a.txt", TwoRecords);
        Write("b.txt", OneRecord);

        var (code, _, _) = Run("batch", Archive, "--out", Store, "--progress", "none", "--jobs", "2");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["2\t3"], Query(Store, "SELECT (SELECT count(*) FROM documents WHERE status = 'ok'), (SELECT count(*) FROM records)"));
    }

    [Fact]
    public void ReRunSkipsDoneDocumentsRetriesFailedAndReplacesChanged()
    {
        WriteMixedArchive();
        Run("batch", Archive, "--out", Store, "--progress", "none");

        var (code, _, stderr) = Run("batch", Archive, "--out", Store, "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);   // the two bad files are tried again and fail again
        Assert.Contains("0 extracted (0 records), 2 already done, 2 failed", stderr, StringComparison.Ordinal);
        Assert.Equal(["4\t3"], Query(Store, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM records)"));

        // A changed file is extracted again and its records replaced, not added to.
        Write("good-a.txt", OneRecord);
        File.Delete(Path.Combine(Archive, "bin.dat"));
        File.Delete(Path.Combine(Archive, "empty.txt"));
        (code, _, stderr) = Run("batch", Archive, "--out", Store, "--progress", "none");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("1 extracted (1 records), 1 already done, 0 failed", stderr, StringComparison.Ordinal);
        Assert.Equal(["good-a.txt\t1", "sub/good-b.txt\t1"],
            Query(Store, "SELECT d.path, count(r.id) FROM documents d LEFT JOIN records r ON r.document_id = d.id WHERE d.status = 'ok' GROUP BY d.path ORDER BY d.path"));
    }

    [Fact]
    public void JsonLinesToStandardOutputIsOneObjectPerDocument()
    {
        WriteMixedArchive();

        var (code, stdout, _) = Run("batch", Archive, "--out", "-", "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var byDocument = lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("document").GetString()!);
        Assert.Equal(["bin.dat", "empty.txt", "good-a.txt", "sub/good-b.txt"], byDocument.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, byDocument["good-a.txt"].GetProperty("records").GetArrayLength());
        Assert.Equal("ok", byDocument["good-a.txt"].GetProperty("status").GetString());
        Assert.Equal("failed", byDocument["bin.dat"].GetProperty("status").GetString());
        Assert.Equal("not_text", byDocument["bin.dat"].GetProperty("failure").GetString());
        var record = byDocument["sub/good-b.txt"].GetProperty("records")[0];
        Assert.Equal(612m, record.GetProperty("actual").GetProperty("value").GetDecimal());
        // Nothing is kept for standard output: no store appears.
        Assert.Equal([Archive], Directory.GetFileSystemEntries(Root));
    }

    [Fact]
    public void JsonLinesFileIsExportedSortedAndKeepsAStateStoreForResuming()
    {
        Write("b.txt", OneRecord);
        Write("a.txt", TwoRecords);
        var output = Path.Combine(Root, "records.jsonl");

        var (code, _, _) = Run("batch", Archive, "--out", output, "--progress", "none");

        Assert.Equal(ExitCodes.Success, code);
        var documents = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document").GetString()!).ToArray();
        Assert.Equal(["a.txt", "b.txt"], documents);
        Assert.True(File.Exists(output + ".state.sqlite"));

        var (_, _, stderr) = Run("batch", Archive, "--out", output, "--progress", "none");
        Assert.Contains("2 already done", stderr, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void CsvHasTheRowsOfExtractUnderADocumentColumn()
    {
        Write("b.txt", OneRecord);
        var output = Path.Combine(Root, "records.csv");

        var (code, _, _) = Run("batch", Archive, "--out", output, "--progress", "none");
        var (_, single, _) = Run("extract", Path.Combine(Archive, "b.txt"), "--format", "csv");

        Assert.Equal(ExitCodes.Success, code);
        // extract's document column holds the file name; batch's the path relative to the input: both "b.txt" here.
        Assert.Equal(single, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(output)));
    }

    [Fact]
    public void AnExportThatFailsHalfWayLeavesThePreviousFileWholeAndNoTemporaryFile()
    {
        Write("a.txt", OneRecord);
        Write("b.txt", TwoRecords);
        var output = Path.Combine(Root, "records.csv");
        Run("batch", Archive, "--out", output, "--progress", "none");
        var before = File.ReadAllBytes(output);
        // Damage the second document's stored record, so the export fails after writing the first document's rows.
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={output}.state.sqlite;Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE records SET json = '{\"indicator\": ' WHERE document_id = (SELECT id FROM documents WHERE path = 'b.txt')";
            Assert.Equal(2, cmd.ExecuteNonQuery());
        }

        var (code, _, stderr) = Run("batch", Archive, "--out", output, "--progress", "none");

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("b.txt", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Equal(["archive", "records.csv", "records.csv.state.sqlite"],
            Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GlobAndListFileChooseTheirFiles()
    {
        Write("top.txt", OneRecord);
        Write("deep/er/inner.txt", TwoRecords);
        Write("deep/note.md", OneRecord);
        var list = Path.Combine(Archive, "files.lst");
        File.WriteAllText(list, "# two of them\n\ntop.txt\n./deep/note.md\n");

        Run("batch", Path.Combine(Archive, "**", "*.txt"), "--out", Path.Combine(Root, "glob.sqlite"), "--progress", "none");
        Run("batch", Path.Combine(Archive, "*.txt"), "--out", Path.Combine(Root, "flat.sqlite"), "--progress", "none");
        Run("batch", list, "--out", Path.Combine(Root, "list.sqlite"), "--progress", "none");

        Assert.Equal(["deep/er/inner.txt", "top.txt"], Query(Path.Combine(Root, "glob.sqlite"), "SELECT path FROM documents ORDER BY path"));
        Assert.Equal(["top.txt"], Query(Path.Combine(Root, "flat.sqlite"), "SELECT path FROM documents ORDER BY path"));
        Assert.Equal(["deep/note.md", "top.txt"], Query(Path.Combine(Root, "list.sqlite"), "SELECT path FROM documents ORDER BY path"));
    }

    [Fact]
    public void TheLoaderChoosesTheFormatByContentAndTheStoreRecordsIt()
    {
        Write("page.html", "<!DOCTYPE html><html><head><title>通报</title></head><body><p>" + OneRecord + "</p></body></html>");
        Write("plain.txt", OneRecord);
        var store = Path.Combine(Root, "formats.sqlite");

        var (code, _, _) = Run("batch", Archive, "--out", store, "--progress", "none");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["page.html\thtml\tok\t1", "plain.txt\ttext\tok\t1"],
            Query(store, "SELECT path, format, status, record_count FROM documents ORDER BY path"));
    }

    [Fact]
    public void AFileThatIsNotAListIsTheOneDocumentOfTheBatch()
    {
        var document = Write("sub/circular.txt", OneRecord);
        var store = Path.Combine(Root, "one.sqlite");

        var (code, _, _) = Run("batch", document, "--out", store, "--progress", "none");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["circular.txt\tok\t1"], Query(store, "SELECT path, status, record_count FROM documents"));
    }

    [Fact]
    public void AnOutputInsideTheInputIsNotReadAsADocument()
    {
        Write("a.txt", OneRecord);
        var store = Path.Combine(Archive, "out.sqlite");

        Run("batch", Archive, "--out", store, "--progress", "none");
        var (code, _, _) = Run("batch", Archive, "--out", store, "--progress", "none");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["a.txt"], Query(store, "SELECT path FROM documents"));
    }

    [Fact]
    public void AnOutputFolderThatDoesNotExistFailsWithoutWritingAnything()
    {
        Write("a.txt", OneRecord);

        var (code, _, stderr) = Run("batch", Archive, "--out", Path.Combine(Root, "missing", "out.jsonl"), "--progress", "none");

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "missing")));
    }

    [Fact]
    public void AFileThatIsNotAStoreIsRefusedAndLeftAlone()
    {
        Write("a.txt", OneRecord);
        var notStore = Path.Combine(Root, "notes.sqlite");
        File.WriteAllText(notStore, "meeting notes, not a database");

        var (code, _, stderr) = Run("batch", Archive, "--out", notStore, "--progress", "none");

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("notes.sqlite", stderr, StringComparison.Ordinal);
        Assert.Equal("meeting notes, not a database", File.ReadAllText(notStore));
    }

    [Theory]
    [InlineData("--shard", "0/2")]
    [InlineData("--shard", "3/2")]
    [InlineData("--shard", "half")]
    [InlineData("--jobs", "0")]
    public void BadOptionsAreUsageErrors(string option, string value)
    {
        Write("a.txt", OneRecord);

        var (code, _, stderr) = Run("batch", Archive, "--out", Path.Combine(Root, "o.sqlite"), option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "o.sqlite")));
    }

    [Fact]
    public void AnExpandedGlobIsAUsageErrorThatSaysToQuoteIt()
    {
        var a = Write("a.txt", OneRecord);
        var b = Write("b.txt", OneRecord);

        var (code, _, stderr) = Run("batch", a, b, "--out", Path.Combine(Root, "o.sqlite"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("quote", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingInputFailsNamingIt()
    {
        var (code, _, stderr) = Run("batch", Path.Combine(Root, "nowhere"), "--out", Store, "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("nowhere", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }
}
