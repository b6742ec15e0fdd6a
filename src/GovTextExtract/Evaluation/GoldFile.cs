using System.Text.Json;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Evaluation;

/// <summary>The two kinds of task a gold file describes.</summary>
public enum GoldKind
{
    /// <summary>One completion circular that states targets and reports actuals itself (<c>kind</c> absent or
    /// <c>"document"</c>; the file names its <c>document</c>).</summary>
    Document,
    /// <summary>Two consecutive work reports: year N's targets, year N+1's results (<c>kind: "cross-year"</c>; the
    /// file names its <c>target_document</c> and <c>actual_document</c>).</summary>
    CrossYear,
    /// <summary>The main targets (主要预期目标) of one work report, whose results no report in the corpus gives
    /// (<c>kind: "targets"</c>; the file names its <c>document</c>). Every record has a target and no actual; it
    /// scores the reading of target statements, and its target figures are negatives for no pair.</summary>
    Targets,
}

/// <summary>A hand-checked gold file: the records a reader finds in one document or one pair of reports.</summary>
/// <remarks>Gold records have the same shape as the records the library outputs, so they are read as
/// <see cref="CompletionRecord"/>: <c>target</c> or <c>actual</c> may be null, <c>optional</c> marks a record
/// readers may pair differently, and <c>reported_rate</c> is the completion percentage the document states.</remarks>
public sealed record GoldFile
{
    /// <summary>Where the gold file was read from (or the name it was parsed under).</summary>
    public required string Source { get; init; }

    /// <summary>Which kind of task the file describes.</summary>
    public GoldKind Kind { get; init; }

    /// <summary>File name of the circular (kind <see cref="GoldKind.Document"/>).</summary>
    public string? Document { get; init; }

    /// <summary>File name of the year-N report (kind <see cref="GoldKind.CrossYear"/>).</summary>
    public string? TargetDocument { get; init; }

    /// <summary>File name of the year-N+1 report (kind <see cref="GoldKind.CrossYear"/>).</summary>
    public string? ActualDocument { get; init; }

    /// <summary>The place the document is of, when the file says.</summary>
    public string? Place { get; init; }

    /// <summary>The year of the targets, when the file says.</summary>
    public int? Year { get; init; }

    /// <summary>The gold records.</summary>
    public required IReadOnlyList<CompletionRecord> Records { get; init; }

    /// <summary>A short name of the task: the document's file name, or <c>target → actual</c> for a pair.</summary>
    public string Name => Kind == GoldKind.CrossYear ? $"{TargetDocument} → {ActualDocument}" : Document!;

    /// <summary>The file names of the documents the task reads, in order (one for a circular, two for a pair).</summary>
    public IReadOnlyList<string> Documents =>
        Kind == GoldKind.CrossYear ? [TargetDocument!, ActualDocument!] : [Document!];

    /// <summary>Reads a gold file.</summary>
    /// <exception cref="GoldFileException">The file is missing, unreadable or not a valid gold file.</exception>
    public static GoldFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GoldFileException(path, e is FileNotFoundException or DirectoryNotFoundException
                ? "file not found" : "cannot be read: " + e.Message, e);
        }
        return Parse(json, path);
    }

    /// <summary>Reads every <c>*.json</c> gold file of a folder, in file-name order.</summary>
    /// <exception cref="GoldFileException">The folder is missing or a file in it is not a valid gold file.</exception>
    public static IReadOnlyList<GoldFile> LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new GoldFileException(directory, "folder not found");
        var files = Directory.GetFiles(directory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(Load).ToArray();
    }

    /// <summary>Parses the JSON text of a gold file.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name errors and <see cref="Source"/> carry.</param>
    /// <exception cref="GoldFileException">The text is not a valid gold file.</exception>
    public static GoldFile Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        Shape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<Shape>(json, RecordJson.Options);
        }
        catch (JsonException e)
        {
            throw new GoldFileException(source, "not a valid gold file: " + e.Message, e);
        }
        if (shape is null)
            throw new GoldFileException(source, "not a valid gold file: the JSON is null");
        if (shape.Records is null)
            throw new GoldFileException(source, "not a valid gold file: no \"records\" array");
        if (shape.Records.Any(r => r is null))
            throw new GoldFileException(source, "not a valid gold file: a record is null");

        var kind = shape.Kind switch
        {
            null or "document" => GoldKind.Document,
            "cross-year" => GoldKind.CrossYear,
            "targets" => GoldKind.Targets,
            _ => throw new GoldFileException(source,
                $"unknown kind \"{shape.Kind}\" (expected \"document\", \"cross-year\" or \"targets\")"),
        };
        if (kind is GoldKind.Document or GoldKind.Targets && string.IsNullOrWhiteSpace(shape.Document))
            throw new GoldFileException(source, $"a {(kind == GoldKind.Targets ? "targets" : "document")} gold file needs a \"document\" name");
        if (kind == GoldKind.CrossYear
            && (string.IsNullOrWhiteSpace(shape.TargetDocument) || string.IsNullOrWhiteSpace(shape.ActualDocument)))
            throw new GoldFileException(source,
                "a cross-year gold file needs \"target_document\" and \"actual_document\" names");

        return new GoldFile
        {
            Source = source,
            Kind = kind,
            Document = shape.Document,
            TargetDocument = shape.TargetDocument,
            ActualDocument = shape.ActualDocument,
            Place = shape.Place,
            Year = shape.Year,
            Records = shape.Records,
        };
    }

    // The file as written; validated into a GoldFile above.
    private sealed record Shape
    {
        public string? Kind { get; init; }
        public string? Document { get; init; }
        public string? TargetDocument { get; init; }
        public string? ActualDocument { get; init; }
        public string? Place { get; init; }
        public int? Year { get; init; }
        public List<CompletionRecord>? Records { get; init; }
    }
}

/// <summary>A gold file could not be read; names the file and the problem.</summary>
public sealed class GoldFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GoldFileException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        SourceName = source;
        Problem = problem;
    }

    /// <summary>The gold file or folder.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
