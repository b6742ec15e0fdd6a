using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovTextExtract.Batch;
using GovTextExtract.Loading;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Review;

/// <summary>What writing a batch's review pages did.</summary>
/// <param name="Pages">The review pages written.</param>
/// <param name="Documents">The documents listed on the index (pages, failures and documents left without a page).</param>
/// <param name="IndexPath">The index page's path.</param>
/// <param name="Problems">One line per document of the input left without a page (<c>key: reason</c>), besides
/// documents that failed extraction.</param>
public sealed record BatchReviewSummary(int Pages, int Documents, string IndexPath, IReadOnlyList<string> Problems);

/// <summary>Writes a review page for every document of a batch store and an <c>index.html</c> that links them: the
/// records come from the store, the text from the document file, read again (the store keeps no text).</summary>
public static class BatchReview
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the pages of the input's documents that the store holds, and the index, into a folder (created
    /// when missing). A document whose file changed since it was extracted (another SHA-256) or can no longer be read
    /// gets no page: the index says why. Each file is written whole or not at all.</summary>
    /// <param name="store">The batch's store.</param>
    /// <param name="input">The batch's input: maps the store's keys to files.</param>
    /// <param name="directory">The folder for the pages.</param>
    /// <param name="load">How documents are read; null for <see cref="LoadOptions.Default"/>.</param>
    /// <exception cref="BatchStoreException">A page or the index cannot be written.</exception>
    public static BatchReviewSummary Write(BatchStore store, BatchInput input, string directory, LoadOptions? load = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(directory);
        load ??= LoadOptions.Default;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BatchStoreException(directory, "cannot create the review folder: " + e.Message, e);
        }
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in input.Enumerate())
            files.TryAdd(file.Key, file.FullPath);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index.html" };
        var entries = new List<ReviewIndexEntry>();
        var problems = new List<string>();
        var pages = 0;
        foreach (var stored in store.ReadDocuments())
        {
            if (!files.TryGetValue(stored.Key, out var path))
                continue;
            if (stored.Status == BatchStatus.Failed)
            {
                entries.Add(new ReviewIndexEntry { Document = stored.Key, Failed = true, Problem = $"{stored.Failure}: {stored.Error}" });
                continue;
            }
            CompletionRecord[] records;
            try
            {
                records = stored.RecordJson
                    .Select(json => JsonSerializer.Deserialize<CompletionRecord>(json, RecordJson.Compact) ?? throw new JsonException("null record"))
                    .ToArray();
            }
            catch (JsonException e)
            {
                problems.Add($"{stored.Key}: the store's records cannot be read: {e.Message}");
                entries.Add(new ReviewIndexEntry { Document = stored.Key, Problem = "the store's records cannot be read" });
                continue;
            }
            var problem = TextProblem(path, stored.Sha256, load, out var text);
            if (problem is not null)
            {
                problems.Add($"{stored.Key}: {problem}");
                entries.Add(ReviewIndexEntry.Of(stored.Key, null, records) with { Problem = problem });
                continue;
            }
            var page = PageName(stored.Key, names);
            var result = new ExtractionResult
            {
                Document = stored.Key,
                Records = records,
                SourceText = text!,
                Kind = records.Length > 0 && records.All(r => r.Note?.StartsWith("main target of a work report", StringComparison.Ordinal) == true)
                    ? DocumentKind.WorkReport
                    : DocumentKind.Circular,
            };
            WriteFile(Path.Combine(directory, page), w => ReviewPage.Write(result, w, new ReviewOptions { IndexLink = "index.html" }));
            pages++;
            entries.Add(ReviewIndexEntry.Of(stored.Key, page, records));
        }
        var index = Path.Combine(directory, "index.html");
        WriteFile(index, w => ReviewIndex.Write(entries, w, "Review pages: " + input.Description));
        return new BatchReviewSummary(pages, entries.Count, index, problems);
    }

    /// <summary>Reads the document's text again; null when it is the text that was extracted, else why not.</summary>
    private static string? TextProblem(string path, string? sha256, LoadOptions load, out string? text)
    {
        text = null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (sha256 is not null && !string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256, StringComparison.Ordinal))
                return "the file changed since it was extracted; run the batch again";
            text = DocumentLoader.Load(new MemoryStream(bytes, writable: false), Path.GetFileName(path), load).Text;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DocumentLoadException)
        {
            return "cannot read the document again: " + e.Message;
        }
    }

    /// <summary>A file name for a document's page: the key with every character other than letters, digits, <c>.</c>,
    /// <c>-</c> and <c>_</c> made <c>_</c>, then <c>.html</c>; numbered when two keys come out the same.</summary>
    internal static string PageName(string key, HashSet<string> taken)
    {
        var name = new StringBuilder(key.Length);
        foreach (var c in key)
            name.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        var stem = name.ToString().TrimStart('.');
        if (stem.Length == 0)
            stem = "document";
        if (stem.Length > 120)
            stem = stem[..120];
        var candidate = stem + ".html";
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{stem}-{n}.html";
        return candidate;
    }

    private static void WriteFile(string path, Action<TextWriter> write) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
        write(writer);
    });
}
