using GovTextExtract.Quantities;

namespace GovTextExtract;

/// <summary>The static entry point: extraction with a shared default pipeline.</summary>
/// <example><code>
/// var result = GovText.ExtractFile("xianning-2019-completion.txt");
/// foreach (var r in result.Records) Console.WriteLine($"{r.Indicator}: {r.Status}");
/// </code></example>
public static class GovText
{
    private static readonly Lazy<ExtractionPipeline> DefaultPipeline = new(() => new ExtractionPipeline());

    /// <summary>The shared pipeline with default options.</summary>
    public static ExtractionPipeline Pipeline => DefaultPipeline.Value;

    /// <summary>Extracts records from text.</summary>
    public static ExtractionResult ExtractText(string text, ExtractionPipeline? pipeline = null) =>
        (pipeline ?? Pipeline).ExtractText(text);

    /// <summary>Loads a file (UTF-8, UTF-16 or GB18030 text) and extracts its records.</summary>
    public static ExtractionResult ExtractFile(string path, ExtractionPipeline? pipeline = null) =>
        (pipeline ?? Pipeline).ExtractFile(path);

    /// <summary>Reads a stream and extracts its records.</summary>
    public static ExtractionResult Extract(Stream stream, string name, ExtractionPipeline? pipeline = null) =>
        (pipeline ?? Pipeline).Extract(stream, name);

    /// <summary>Recognises the figures of a text.</summary>
    public static IReadOnlyList<Quantity> Quantities(string text, ExtractionPipeline? pipeline = null) =>
        (pipeline ?? Pipeline).RecognizeQuantities(text);
}
