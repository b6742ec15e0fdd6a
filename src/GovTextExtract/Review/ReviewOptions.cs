namespace GovTextExtract.Review;

/// <summary>How a review page is written. Every property has a default; <see cref="Default"/> is the options with
/// none changed.</summary>
public sealed record ReviewOptions
{
    /// <summary>The options with every default.</summary>
    public static ReviewOptions Default { get; } = new();

    /// <summary>The page's title. Default null: the document's name (a pair: both names).</summary>
    public string? Title { get; init; }

    /// <summary>A link back to an index page, relative to the page (batch review pages set <c>index.html</c>).
    /// Default null: no link.</summary>
    public string? IndexLink { get; init; }

    /// <summary>The length, in characters, after which the document text is cut into a new chunk at the next line end.
    /// A browser lays out only the chunks near the screen, which keeps a long document quick to open. Default 4,000;
    /// at least 200.</summary>
    public int ChunkCharacters { get; init; } = 4_000;
}
