using GovTextExtract.Circulars;

namespace GovTextExtract.Tests.Pairing;

/// <summary>The earlier circular pairer, read as the pipeline's circular reader. It still ships (as the
/// <c>legacy.*</c> votes of the circular reader, and as <c>--reader legacy</c>), so the tests written for it keep
/// checking it there.</summary>
internal static class LegacyReader
{
    public static ExtractionPipeline Pipeline { get; } = new(ExtractionOptions.Default with { CircularReader = CircularReaderKind.Legacy });
}
