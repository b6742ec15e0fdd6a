using GovTextExtract.Text;

namespace GovTextExtract.Normalization;

/// <summary>A text normalised for recognition, with a map back to offsets in the original text.</summary>
public sealed class NormalizedText
{
    private readonly int[] _toOriginal;

    internal NormalizedText(string original, string text, int[] toOriginal)
    {
        Original = original;
        Text = text;
        _toOriginal = toOriginal;
    }

    /// <summary>The original (decoded) text.</summary>
    public string Original { get; }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>Maps an offset in <see cref="Text"/> to the offset in <see cref="Original"/>.</summary>
    public int ToOriginal(int offset)
    {
        // Offset 0 maps through the map too: dropped characters (a byte-order mark, a CR) may open the original.
        if (offset <= 0) return _toOriginal[0];
        if (offset >= _toOriginal.Length - 1) return _toOriginal[^1];
        return _toOriginal[offset];
    }

    /// <summary>Maps a span in <see cref="Text"/> to the span of the original text it came from.</summary>
    public SourceSpan ToOriginal(SourceSpan span)
    {
        var start = ToOriginal(span.Start);
        // The end maps through the last character so a span never swallows dropped characters after it.
        var end = span.Length == 0 ? start : ToOriginal(span.End - 1) + 1;
        return SourceSpan.FromBounds(start, Math.Max(start, end));
    }
}
