using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovTextExtract.Loading;

/// <summary>Reads a Word (DOCX) document with the Open XML SDK: paragraphs in order with their heading level and list
/// numbering text, tables as rows and cells, text split across runs joined. The zip is checked by
/// <see cref="ZipGuard"/> first.</summary>
internal static class DocxDocumentReader
{
    /// <summary>Reads the document.</summary>
    public static LoadedDocument Read(byte[] bytes, string name, LoadOptions options, CancellationToken ct)
    {
        ZipGuard.Validate(bytes, name, options, ct);
        // The whole walk is guarded: the SDK parses XML lazily, so damage surfaces while elements are enumerated.
        var builder = LoadGuard.Library(name, "DOCX", () =>
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = options.MaxDecompressedBytes,
            });
            var main = doc.MainDocumentPart
                ?? throw new DocumentLoadException(name, LoadFailure.Corrupt, "the Word document has no main document part");
            var body = main.Document?.Body
                ?? throw new DocumentLoadException(name, LoadFailure.Corrupt, "the Word document has no body");
            var walker = new Walker(main.StyleDefinitionsPart?.Styles, main.NumberingDefinitionsPart?.Numbering, new StructuredTextBuilder(name, options.MaxTextCharacters), ct);
            walker.Run(body);
            return walker.Builder;
        });
        if (builder.IsEmpty)
            throw new DocumentLoadException(name, LoadFailure.Empty, "the Word document holds no text");
        return builder.Build(name, DocumentFormats.Docx, "utf-8");
    }

    private sealed class Walker
    {
        private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
        private readonly Numbering? _numbering;
        private readonly CancellationToken _ct;
        private readonly ListNumbering _lists;
        private int _steps;

        public Walker(Styles? styles, Numbering? numbering, StructuredTextBuilder builder, CancellationToken ct)
        {
            Builder = builder;
            if (styles is not null)
                foreach (var s in styles.Elements<Style>())
                    if (s.StyleId?.Value is { } id) _styles.TryAdd(id, s);
            _numbering = numbering;
            _lists = new ListNumbering(numbering);
            _ct = ct;
        }

        public StructuredTextBuilder Builder { get; }

        public void Run(Body body)
        {
            var stack = new Stack<OpenXmlElement>();
            PushChildren(stack, body);
            while (stack.Count > 0)
            {
                Tick();
                switch (stack.Pop())
                {
                    case Paragraph p:
                        EmitParagraph(p);
                        break;
                    case Table t:
                        EmitTable(t);
                        break;
                    case SectionProperties or SdtProperties or SdtEndCharProperties:
                        break;
                    case OpenXmlCompositeElement container:
                        // Content controls and custom XML wrap ordinary paragraphs and tables.
                        PushChildren(stack, container);
                        break;
                }
            }
        }

        private static void PushChildren(Stack<OpenXmlElement> stack, OpenXmlElement e)
        {
            var children = e.ChildElements;
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }

        private void Tick()
        {
            if ((++_steps & 255) == 0) _ct.ThrowIfCancellationRequested();
        }

        private void EmitParagraph(Paragraph p)
        {
            var (kind, level) = Classify(p, out var numberText);
            var text = ParagraphText(p);
            if (text.Trim().Length == 0) return;
            Builder.AddLine(kind, numberText + text, level);
        }

        private (BlockKind Kind, int Level) Classify(Paragraph p, out string numberText)
        {
            numberText = "";
            var props = p.ParagraphProperties;
            var styleId = props?.ParagraphStyleId?.Val?.Value;
            var heading = HeadingLevel(props?.OutlineLevel?.Val?.Value, styleId);
            var (numId, ilvl) = NumberingOf(props?.NumberingProperties, styleId);
            if (numId is > 0)
            {
                numberText = _lists.Next(numId.Value, ilvl);
                if (heading == 0) return (BlockKind.ListItem, ilvl);
            }
            return heading > 0 ? (BlockKind.Heading, heading) : (BlockKind.Paragraph, 0);
        }

        /// <summary>Heading level 1..9 from an outline level or a heading style (its own or inherited); 0 for body text.</summary>
        private int HeadingLevel(int? outline, string? styleId)
        {
            if (outline is >= 0 and < 9) return outline.Value + 1;
            var id = styleId;
            for (var depth = 0; id is not null && depth < 16; depth++)
            {
                if (!_styles.TryGetValue(id, out var style)) break;
                var name = (style.StyleName?.Val?.Value ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                if (name == "title") return 1;
                foreach (var prefix in (string[])["heading", "标题"])
                    if (name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(name.AsSpan(prefix.Length),
                        NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
                        return n;
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int ol and >= 0 and < 9) return ol + 1;
                id = style.BasedOn?.Val?.Value;
            }
            return 0;
        }

        /// <summary>The list a paragraph belongs to: its own numbering properties, else its style's.</summary>
        private (int? NumId, int Level) NumberingOf(NumberingProperties? own, string? styleId)
        {
            var numId = own?.NumberingId?.Val?.Value;
            var ilvl = own?.NumberingLevelReference?.Val?.Value;
            var id = styleId;
            for (var depth = 0; numId is null && id is not null && depth < 16; depth++)
            {
                if (!_styles.TryGetValue(id, out var style)) break;
                var np = style.StyleParagraphProperties?.NumberingProperties;
                numId = np?.NumberingId?.Val?.Value;
                ilvl ??= np?.NumberingLevelReference?.Val?.Value;
                id = style.BasedOn?.Val?.Value;
            }
            return (numId, Math.Clamp(ilvl ?? 0, 0, 8));
        }

        /// <summary>The visible text of a paragraph: runs joined, tabs kept, line breaks as new lines; deleted text,
        /// field codes, drawings and text boxes left out.</summary>
        private string ParagraphText(OpenXmlElement paragraph)
        {
            var sb = new StringBuilder();
            var stack = new Stack<OpenXmlElement>();
            PushChildren(stack, paragraph);
            while (stack.Count > 0)
            {
                Tick();
                var e = stack.Pop();
                switch (e)
                {
                    case W.Text t:
                        sb.Append(t.Text);
                        break;
                    case TabChar:
                        sb.Append('\t');
                        break;
                    case Break br:
                        if (br.Type?.InnerText is null or "" or "textWrapping") sb.Append('\n');
                        break;
                    case CarriageReturn:
                        sb.Append('\n');
                        break;
                    case NoBreakHyphen:
                        sb.Append('-');
                        break;
                    case ParagraphProperties or RunProperties or DeletedRun or DeletedText or FieldCode or DeletedFieldCode
                        or Drawing or Picture or EmbeddedObject or AlternateContent or MoveFromRun or SdtProperties:
                        break;
                    case OpenXmlCompositeElement:
                        PushChildren(stack, e);
                        break;
                }
            }
            return sb.ToString();
        }

        private void EmitTable(Table table)
        {
            var rows = new List<List<(CellContent Cell, int GridColumn, string? Merge)>>();
            foreach (var row in Descend<W.TableRow>(table))
            {
                var cells = new List<(CellContent, int, string?)>();
                var grid = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                foreach (var cell in Descend<W.TableCell>(row))
                {
                    var span = Math.Clamp(cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                    var merge = cell.TableCellProperties?.VerticalMerge is { } vm ? vm.Val?.InnerText ?? "continue" : null;
                    cells.Add((new CellContent(CellText(cell), span), grid, merge));
                    grid += span;
                }
                rows.Add(cells);
            }
            // Word repeats a vertically merged cell as empty "continue" cells; tables here carry a row span instead.
            var result = new List<IReadOnlyList<CellContent>>();
            for (var r = 0; r < rows.Count; r++)
            {
                var kept = new List<CellContent>();
                foreach (var (cell, column, merge) in rows[r])
                {
                    if (merge == "continue") continue;
                    var rowSpan = 1;
                    if (merge == "restart")
                        while (r + rowSpan < rows.Count && rows[r + rowSpan].Any(c => c.GridColumn == column && c.Merge == "continue"))
                            rowSpan++;
                    kept.Add(cell with { RowSpan = rowSpan });
                }
                result.Add(kept);
            }
            Builder.AddTable(result);
        }

        /// <summary>The elements of type <typeparamref name="T"/> under <paramref name="root"/>, looking through
        /// content controls and custom XML but not into the found elements (nor into nested tables).</summary>
        private IEnumerable<T> Descend<T>(OpenXmlElement root) where T : OpenXmlElement
        {
            var stack = new Stack<OpenXmlElement>();
            PushChildren(stack, root);
            while (stack.Count > 0)
            {
                Tick();
                var e = stack.Pop();
                if (e is T t)
                {
                    yield return t;
                    continue;
                }
                if (e is SdtRow or SdtCell or SdtContentRow or SdtContentCell or CustomXmlRow or CustomXmlCell)
                    PushChildren(stack, e);
            }
        }

        /// <summary>A cell's paragraphs (and those of tables nested in it) joined by spaces.</summary>
        private string CellText(W.TableCell cell)
        {
            var parts = new List<string>();
            var stack = new Stack<OpenXmlElement>();
            PushChildren(stack, cell);
            while (stack.Count > 0)
            {
                Tick();
                var e = stack.Pop();
                if (e is Paragraph p)
                {
                    Classify(p, out var number);
                    var t = ParagraphText(p);
                    if (t.Trim().Length > 0) parts.Add(number + t);
                }
                else if (e is OpenXmlCompositeElement && e is not (TableCellProperties or TableProperties or TableGrid))
                {
                    PushChildren(stack, e);
                }
            }
            return string.Join(' ', parts);
        }
    }

    /// <summary>Counts list items per abstract list and level and formats their numbers as Word shows them.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> _counters = [];
        private readonly HashSet<int> _startedInstances = [];

        public string Next(int numId, int level)
        {
            if (numbering is null) return "";
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            if (instance is null || abstractId is null) return "";
            var abstractNum = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (abstractNum is null) return "";
            var levels = new Level?[9];
            foreach (var l in abstractNum.Elements<Level>())
                if (l.LevelIndex?.Value is int i and >= 0 and < 9) levels[i] = l;
            foreach (var o in instance.Elements<LevelOverride>())
                if (o.LevelIndex?.Value is int i and >= 0 and < 9 && o.Level is { } ol) levels[i] = ol;
            if (!_counters.TryGetValue(abstractId.Value, out var counters))
            {
                counters = new int[9];
                for (var i = 0; i < 9; i++) counters[i] = StartOf(levels[i]) - 1;
                _counters[abstractId.Value] = counters;
            }
            if (_startedInstances.Add(numId))
                foreach (var o in instance.Elements<LevelOverride>())
                    if (o.LevelIndex?.Value is int i and >= 0 and < 9 && o.StartOverrideNumberingValue?.Val?.Value is int s)
                        counters[i] = s - 1;
            counters[level]++;
            for (var i = level + 1; i < 9; i++) counters[i] = StartOf(levels[i]) - 1;
            var lvl = levels[level];
            if (lvl is null) return "";
            var format = lvl.NumberingFormat?.Val?.InnerText ?? "decimal";
            if (format is "bullet" or "none") return "";
            var pattern = lvl.LevelText?.Val?.Value ?? "";
            var legal = lvl.IsLegalNumberingStyle is not null;
            var sb = new StringBuilder();
            for (var k = 0; k < pattern.Length; k++)
            {
                if (pattern[k] == '%' && k + 1 < pattern.Length && pattern[k + 1] is >= '1' and <= '9')
                {
                    var ref_ = pattern[k + 1] - '1';
                    var f = ref_ == level ? format : levels[ref_]?.NumberingFormat?.Val?.InnerText ?? "decimal";
                    sb.Append(FormatNumber(Math.Max(counters[ref_], 0), legal && ref_ != level ? "decimal" : f));
                    k++;
                }
                else
                {
                    sb.Append(pattern[k]);
                }
            }
            var suffix = lvl.LevelSuffix?.Val?.InnerText;
            return sb.Length == 0 ? "" : sb + (suffix == "nothing" ? "" : " ");
        }

        private static int StartOf(Level? level) => level?.StartNumberingValue?.Val?.Value ?? 1;
    }

    /// <summary>A list number in a Word numbering format.</summary>
    internal static string FormatNumber(int n, string format) => format switch
    {
        "decimalZero" => n < 10 ? "0" + n.ToString(CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture),
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperLetter" => Letters(n),
        "lowerLetter" => Letters(n).ToLowerInvariant(),
        "chineseCounting" or "chineseCountingThousand" or "chineseLegalSimplified" or "japaneseCounting"
            or "taiwaneseCounting" or "taiwaneseCountingThousand" or "ideographLegalTraditional" => Chinese(n),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" => string.Concat(
            n.ToString(CultureInfo.InvariantCulture).Select(c => "〇一二三四五六七八九"[c - '0'])),
        "ideographTraditional" => n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture),
        "ideographZodiac" => n is >= 1 and <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => n is >= 1 and <= 20
            ? ((char)('①' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture),
        "decimalEnclosedParen" => n is >= 1 and <= 20 ? ((char)('⑴' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture),
        "decimalEnclosedFullstop" => n is >= 1 and <= 20 ? ((char)('⒈' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(
            n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000) return n.ToString(CultureInfo.InvariantCulture);
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var sb = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
            while (n >= values[i]) { sb.Append(symbols[i]); n -= values[i]; }
        return sb.ToString();
    }

    private static string Letters(int n)
    {
        // Word repeats the letter: A..Z, AA..ZZ, AAA...
        if (n <= 0) return n.ToString(CultureInfo.InvariantCulture);
        var letter = (char)('A' + (n - 1) % 26);
        return new string(letter, Math.Min((n - 1) / 26 + 1, 10));
    }

    /// <summary>A Chinese counting numeral below 100,000 (一, 十, 十一, 二十, 一百零五).</summary>
    internal static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n <= 0 || n >= 100_000) return n.ToString(CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        var sb = new StringBuilder();
        string[] units = ["万", "千", "百", "十", ""];
        int[] powers = [10000, 1000, 100, 10, 1];
        var zero = false;
        for (var i = 0; i < powers.Length; i++)
        {
            var d = n / powers[i] % 10;
            if (d == 0)
            {
                if (sb.Length > 0) zero = true;
                continue;
            }
            if (zero) { sb.Append('零'); zero = false; }
            sb.Append(digits[d]).Append(units[i]);
        }
        return sb.ToString();
    }
}
