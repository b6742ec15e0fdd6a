using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Text;

namespace GovTextExtract.Documents;

/// <summary>What a line of a document is, as the reader sees it.</summary>
public enum BlockRole
{
    /// <summary>Running text.</summary>
    Paragraph,
    /// <summary>A section heading ("一、总体完成情况", "(三)基础设施工程") that holds no figure.</summary>
    Heading,
    /// <summary>A numbered, bulleted or labelled item ("1.农村交通建设。…", "一是…", "●…", "--…").</summary>
    Item,
    /// <summary>A line of a table (loader table, or one recovered from text).</summary>
    TableLine,
}

/// <summary>One line of the reading text: a paragraph, heading, item or table line.</summary>
/// <param name="Index">Position among the document's blocks.</param>
/// <param name="Span">The line in <see cref="GovDocument.Text"/>.</param>
/// <param name="Role">What the line is.</param>
/// <param name="Heading">The index of the nearest heading block above, or -1.</param>
/// <param name="BodyStart">Where the line's text starts after its item marker (the span start when it has none).</param>
public sealed record TextBlock(int Index, SourceSpan Span, BlockRole Role, int Heading, int BodyStart);

/// <summary>A sentence of the reading text (ended by 。；！？ or a line break) and its clauses (split by ，：).</summary>
/// <param name="Index">Position among the document's sentences.</param>
/// <param name="Span">The sentence, without its closing mark.</param>
/// <param name="Block">The block the sentence stands in.</param>
/// <param name="Clauses">Its clauses, in order, covering the sentence.</param>
public sealed record Sentence(int Index, SourceSpan Span, int Block, IReadOnlyList<SourceSpan> Clauses);

/// <summary>A figure of the document (a <see cref="QuantityKind.Figure"/> quantity) and where it stands.</summary>
/// <param name="Index">Position among the document's mentions.</param>
/// <param name="Quantity">The recognised quantity; its spans refer to <see cref="GovDocument.Text"/>.</param>
/// <param name="Sentence">The sentence it stands in.</param>
/// <param name="Clause">Its clause's position within the sentence.</param>
/// <param name="Block">The block it stands in.</param>
/// <param name="InTable">True when it stands inside a table (the table reader reads those).</param>
public sealed record Mention(int Index, Quantity Quantity, int Sentence, int Clause, int Block, bool InTable)
{
    /// <summary>The figure's span in the reading text.</summary>
    public SourceSpan Span => Quantity.Span;
}

/// <summary>A document read once into the structure every later stage uses (in the manner of spaCy's Doc): the
/// reading text with its map back to the original, its blocks, sentences and clauses, and every figure as a
/// <see cref="Mention"/>.</summary>
/// <remarks>Immutable. The reading text is the normalised text (<see cref="TextNormalizer"/>); every span of this type
/// refers to it, and <see cref="ToOriginal(SourceSpan)"/> maps a span back to the decoded original.</remarks>
public sealed class GovDocument
{
    internal GovDocument(string name, NormalizedText reading, IReadOnlyList<TextBlock> blocks,
        IReadOnlyList<Sentence> sentences, IReadOnlyList<Mention> mentions, string? period, IReadOnlyList<Loading.DocumentTable> tables)
    {
        Tables = tables;
        Name = name;
        Reading = reading;
        Blocks = blocks;
        Sentences = sentences;
        Mentions = mentions;
        Period = period;
        _sentenceFirst = new int[sentences.Count];
        _sentenceCount = new int[sentences.Count];
        _blockFirst = new int[blocks.Count];
        _blockCount = new int[blocks.Count];
        Array.Fill(_sentenceFirst, -1);
        Array.Fill(_blockFirst, -1);
        foreach (var m in mentions)
        {
            if (_sentenceFirst[m.Sentence] < 0) _sentenceFirst[m.Sentence] = m.Index;
            _sentenceCount[m.Sentence]++;
            if (_blockFirst[m.Block] < 0) _blockFirst[m.Block] = m.Index;
            _blockCount[m.Block]++;
        }
    }

    private readonly int[] _sentenceFirst, _sentenceCount, _blockFirst, _blockCount;
    private string?[]? _headingPeriods;

    /// <summary>The period phrase (1-10月, 上半年 …) of the nearest heading at or above block
    /// <paramref name="heading"/> that names one, or null: read once for the whole document, so that looking it up
    /// for every figure stays linear however many headings the document has.</summary>
    internal string? HeadingPeriod(int heading)
    {
        if (heading < 0) return null;
        var periods = _headingPeriods;
        if (periods is null)
        {
            periods = new string?[Blocks.Count];
            foreach (var b in Blocks)
                if (b.Role == BlockRole.Heading)
                    periods[b.Index] = PeriodWords.Find(Slice(b.Span)) ?? (b.Heading >= 0 ? periods[b.Heading] : null);
            _headingPeriods = periods; // a race computes the same array twice; either is right
        }
        return periods[heading];
    }

    /// <summary>The mentions of a sentence, in order.</summary>
    public IEnumerable<Mention> MentionsInSentence(int sentence)
    {
        var first = _sentenceFirst[sentence];
        for (var i = 0; i < _sentenceCount[sentence]; i++) yield return Mentions[first + i];
    }

    /// <summary>The mentions of a block, in order.</summary>
    public IEnumerable<Mention> MentionsInBlock(int block)
    {
        var first = _blockFirst[block];
        for (var i = 0; i < _blockCount[block]; i++) yield return Mentions[first + i];
    }

    /// <summary>How many mentions a sentence holds.</summary>
    public int MentionCountInSentence(int sentence) => _sentenceCount[sentence];

    /// <summary>The document's name.</summary>
    public string Name { get; }

    /// <summary>The reading text and its offset map.</summary>
    public NormalizedText Reading { get; }

    /// <summary>The reading text.</summary>
    public string Text => Reading.Text;

    /// <summary>The lines of the reading text.</summary>
    public IReadOnlyList<TextBlock> Blocks { get; }

    /// <summary>The sentences, in text order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Every figure, in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get; }

    /// <summary>The document's tables: the loader's (HTML, DOCX) and those recovered from its text, with spans in the
    /// decoded original (<see cref="Loading.LoadedDocument.Text"/>); their lines are <see cref="BlockRole.TableLine"/>
    /// blocks and their figures <see cref="Mention.InTable"/>.</summary>
    public IReadOnlyList<Loading.DocumentTable> Tables { get; }

    /// <summary>The partial period the whole document reports on, from its title and opening lines ("1-10月",
    /// "上半年", "截至6月底"), or null when it names none.</summary>
    public string? Period { get; }

    /// <summary>The text of a span of the reading text.</summary>
    public string Slice(SourceSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Maps a span of the reading text to the decoded original.</summary>
    public SourceSpan ToOriginal(SourceSpan span) => Reading.ToOriginal(span);

    /// <summary>The clause span a mention stands in.</summary>
    public SourceSpan ClauseOf(Mention m) => Sentences[m.Sentence].Clauses[m.Clause];

    /// <summary>The sentence span a mention stands in.</summary>
    public SourceSpan SentenceOf(Mention m) => Sentences[m.Sentence].Span;
}
