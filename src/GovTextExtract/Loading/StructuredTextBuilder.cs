using System.Text;
using GovTextExtract.Text;

namespace GovTextExtract.Loading;

/// <summary>One cell handed to <see cref="StructuredTextBuilder.AddTable"/>.</summary>
internal readonly record struct CellContent(string Text, int ColumnSpan = 1, int RowSpan = 1);

/// <summary>Builds the plain text of a structured document line by line, recording what each line is and where every
/// table cell stands, so that every span refers to the text being built.</summary>
internal sealed class StructuredTextBuilder(string name, long maxCharacters)
{
    private readonly StringBuilder _text = new();
    private readonly List<DocumentBlock> _blocks = [];
    private readonly List<DocumentTable> _tables = [];

    /// <summary>Characters written so far.</summary>
    public int Length => _text.Length;

    /// <summary>True when no line has been written.</summary>
    public bool IsEmpty => _blocks.Count == 0;

    /// <summary>Appends one line; line breaks inside <paramref name="line"/> split it into several lines of the same
    /// kind; surrounding whitespace is trimmed and empty lines are skipped.</summary>
    public void AddLine(BlockKind kind, string line, int level = 0)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            foreach (var part in line.Split(['\r', '\n']))
                AddLine(kind, part, level);
            return;
        }
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return;
        var start = _text.Length;
        CheckRoom(trimmed.Length + 1);
        _text.Append(trimmed).Append('\n');
        _blocks.Add(new DocumentBlock(kind, new SourceSpan(start, trimmed.Length), level));
    }

    /// <summary>Refuses the document before a piece of <paramref name="characters"/> more would pass the cap.</summary>
    /// <exception cref="DocumentLoadException"><see cref="LoadFailure.TooLarge"/>.</exception>
    private void CheckRoom(long characters)
    {
        if (_text.Length + characters > maxCharacters) throw TooLarge(name, maxCharacters);
    }

    /// <summary>The failure of a document whose text passes <see cref="LoadOptions.MaxTextCharacters"/>.</summary>
    internal static DocumentLoadException TooLarge(string name, long maxCharacters, string? where = null) =>
        new(name, LoadFailure.TooLarge, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the text is longer than the limit of {maxCharacters} characters{(where is null ? "" : " (" + where + ")")}; raise LoadOptions.MaxTextCharacters (--max-text) to read it"));

    /// <summary>Appends a table: each non-empty row becomes a line with its cells separated by a tab.</summary>
    public void AddTable(IEnumerable<IReadOnlyList<CellContent>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tableRows = new List<DocumentTableRow>();
        foreach (var row in rows)
        {
            var texts = row.Select(c => CleanCell(c.Text)).ToArray();
            if (texts.All(t => t.Length == 0)) continue;
            CheckRoom(texts.Sum(t => (long)t.Length + 1));
            var rowStart = _text.Length;
            var cells = new List<DocumentTableCell>(texts.Length);
            for (var i = 0; i < texts.Length; i++)
            {
                if (i > 0) _text.Append('\t');
                cells.Add(new DocumentTableCell(texts[i], new SourceSpan(_text.Length, texts[i].Length),
                    Math.Max(1, row[i].ColumnSpan), Math.Max(1, row[i].RowSpan)));
                _text.Append(texts[i]);
            }
            var span = SourceSpan.FromBounds(rowStart, _text.Length);
            _text.Append('\n');
            _blocks.Add(new DocumentBlock(BlockKind.TableRow, span));
            tableRows.Add(new DocumentTableRow(cells, span));
        }
        if (tableRows.Count > 0)
            _tables.Add(new DocumentTable(tableRows, SourceSpan.FromBounds(tableRows[0].Span.Start, tableRows[^1].Span.End)));
    }

    /// <summary>A cell's text on one line: tabs and line breaks become spaces, runs of spaces collapse, ends trimmed.</summary>
    internal static string CleanCell(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r' or ' ' or '\f' or '\v')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>The document built so far.</summary>
    public LoadedDocument Build(string name, string format, string encodingName, int? pageCount = null) => new()
    {
        Name = System.IO.Path.GetFileName(name),
        Text = _text.ToString(),
        EncodingName = encodingName,
        Format = format,
        Blocks = _blocks.ToArray(),
        Tables = _tables.ToArray(),
        PageCount = pageCount,
    };
}

/// <summary>Collects the inline text of one line the way a browser lays it out: runs of ASCII whitespace collapse to
/// one space, and a line break between two CJK characters disappears (source line wrapping inside Chinese text).</summary>
internal sealed class InlineCollector
{
    private readonly StringBuilder _sb = new();
    private bool _pendingSpace;
    private bool _pendingBreak;

    /// <summary>True when nothing but whitespace has been collected.</summary>
    public bool IsEmpty => _sb.Length == 0;

    /// <summary>Appends text, collapsing whitespace.</summary>
    public void Append(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pendingSpace = true;
                if (c is '\n' or '\r') _pendingBreak = true;
                continue;
            }
            if (_pendingSpace && _sb.Length > 0 && !(_pendingBreak && IsCjk(_sb[^1]) && IsCjk(c)))
                _sb.Append(' ');
            _pendingSpace = false;
            _pendingBreak = false;
            _sb.Append(c);
        }
    }

    /// <summary>Marks a soft separator (a block boundary inside a flattened cell): a space if text follows.</summary>
    public void Separate() => _pendingSpace = true;

    /// <summary>Returns the collected line and starts a new one.</summary>
    public string Take()
    {
        var s = _sb.ToString();
        _sb.Clear();
        _pendingSpace = false;
        _pendingBreak = false;
        return s;
    }

    /// <summary>True for a character of CJK script or full-width punctuation, between which no space is written.</summary>
    internal static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F' || char.IsSurrogate(c);
}
