using GovTextExtract.Text;

namespace GovTextExtract.Loading;

/// <summary>What a line of a loaded document is.</summary>
public enum BlockKind
{
    /// <summary>A paragraph of body text.</summary>
    Paragraph,
    /// <summary>A heading (HTML h1-h6, a Word heading style, a PDF line in a larger font).</summary>
    Heading,
    /// <summary>An item of a list (HTML li, a numbered or bulleted Word paragraph).</summary>
    ListItem,
    /// <summary>A row of a table: its cells separated by tabs.</summary>
    TableRow,
}

/// <summary>One line of a loaded document's text and what it is.</summary>
/// <param name="Kind">Heading, paragraph, list item or table row.</param>
/// <param name="Span">The line in <see cref="LoadedDocument.Text"/>, without its line break.</param>
/// <param name="Level">Heading level (1 = top) or list nesting level (0 = top); 0 otherwise.</param>
public sealed record DocumentBlock(BlockKind Kind, SourceSpan Span, int Level = 0);

/// <summary>A table cell: its text (inner paragraphs joined by a space) and where it stands.</summary>
/// <param name="Text">The cell's text, equal to the slice of <see cref="LoadedDocument.Text"/> at <paramref name="Span"/>.</param>
/// <param name="Span">The cell's text in <see cref="LoadedDocument.Text"/> (length 0 for an empty cell).</param>
/// <param name="ColumnSpan">How many grid columns the cell covers (HTML colspan, Word gridSpan); at least 1.</param>
/// <param name="RowSpan">How many rows the cell covers (HTML rowspan); at least 1.</param>
public sealed record DocumentTableCell(string Text, SourceSpan Span, int ColumnSpan = 1, int RowSpan = 1);

/// <summary>A table row: its cells in order.</summary>
/// <param name="Cells">The cells, left to right.</param>
/// <param name="Span">The row's line in <see cref="LoadedDocument.Text"/>.</param>
public sealed record DocumentTableRow(IReadOnlyList<DocumentTableCell> Cells, SourceSpan Span);

/// <summary>A table of a loaded document.</summary>
/// <param name="Rows">The rows, top to bottom.</param>
/// <param name="Span">From the first row's start to the last row's end in <see cref="LoadedDocument.Text"/>.</param>
public sealed record DocumentTable(IReadOnlyList<DocumentTableRow> Rows, SourceSpan Span);
