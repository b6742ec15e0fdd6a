using System.Text.Json.Serialization;

namespace GovTextExtract.Text;

/// <summary>A span of characters in a text: where a figure, a sentence or a record's evidence stands.</summary>
/// <param name="Start">Zero-based offset of the first character (UTF-16 code units).</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    [JsonIgnore]
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an exclusive end offset.</summary>
    public static SourceSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when the two spans share at least one character.</summary>
    public bool Overlaps(SourceSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(SourceSpan other) => other.Start >= Start && other.End <= End;
}
