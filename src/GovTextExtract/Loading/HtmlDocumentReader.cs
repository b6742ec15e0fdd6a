using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GovTextExtract.Loading;

/// <summary>Reads an HTML page into structured plain text with AngleSharp: headings, paragraphs, list items and data
/// tables are kept; scripts, styles, navigation, headers, footers and other page chrome are dropped.</summary>
internal static class HtmlDocumentReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "nav", "iframe", "frame", "frameset", "object",
        "embed", "svg", "math", "canvas", "select", "option", "button", "input", "textarea", "aside", "map", "area",
        "audio", "video", "img", "dialog", "menu", "link", "meta",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "ol", "p", "pre", "section", "summary", "ul", "table", "caption", "thead", "tbody", "tfoot", "tr",
        "td", "th", "legend", "body", "html", "listing", "xmp", "plaintext",
    };

    /// <summary>Class or id parts that mark page chrome (navigation, breadcrumbs, share bars, copyright footers).</summary>
    private static readonly HashSet<string> ChromeClassParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "menubar", "topmenu", "footer", "breadcrumb", "breadcrumbs", "crumb",
        "crumbs", "copyright", "share", "sidebar", "toolbar", "skiplink", "banner",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary",
    };

    /// <summary>Deepest element nesting accepted. The HTML tree builder's cost grows with the square of the depth
    /// (20,000 unclosed divs take seconds); real pages nest a few dozen deep.</summary>
    internal const int MaxNesting = 4096;

    /// <summary>Elements that never hold content or whose end tag the parser supplies: they do not deepen nesting.</summary>
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb",
        "rt", "rtc", "rp", "html", "head", "body", "caption", "frame", "keygen", "basefont", "bgsound", "command",
    };

    /// <summary>An upper estimate of how deep the page's elements nest, from start and end tags alone.</summary>
    internal static int NestingDepth(string s)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        while ((i = s.IndexOf('<', i)) >= 0 && i + 1 < s.Length)
        {
            if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                var end = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) break;
                i = end + 3;
                continue;
            }
            var closing = s[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            if (start >= s.Length || !char.IsAsciiLetter(s[start]))
            {
                i++;
                continue;
            }
            // A tag name runs to whitespace, '/' or '>' as the tokenizer reads it ("<script<br>" is not a script).
            var k = start;
            while (k < s.Length && !char.IsWhiteSpace(s[k]) && s[k] is not ('/' or '>')) k++;
            var tag = s[start..k];
            var close = s.IndexOf('>', k);
            if (close < 0) break;
            if (tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase)
                || tag.Equals("textarea", StringComparison.OrdinalIgnoreCase) || tag.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing)
                {
                    // Raw text: skip to the end tag.
                    var endTag = s.IndexOf("</" + tag, close, StringComparison.OrdinalIgnoreCase);
                    i = endTag < 0 ? s.Length : endTag;
                    continue;
                }
            }
            else if (!Flat.Contains(tag) && s[close - 1] != '/')
            {
                depth = closing ? Math.Max(0, depth - 1) : depth + 1;
                max = Math.Max(max, depth);
            }
            i = close + 1;
        }
        return max;
    }

    /// <summary>Parses the page and extracts its text.</summary>
    public static LoadedDocument Read(byte[] bytes, string name, LoadOptions options, CancellationToken ct)
    {
        var (text, encoding, warnings) = HtmlCharset.Decode(bytes, options.Encoding);
        ct.ThrowIfCancellationRequested();
        if (TextDecoder.LooksBinary(text))
            throw new DocumentLoadException(name, LoadFailure.NotText, "the page's bytes are not text (binary data?)");
        var depth = NestingDepth(text);
        if (depth > MaxNesting)
            throw new DocumentLoadException(name, LoadFailure.Corrupt, string.Create(CultureInfo.InvariantCulture,
                $"elements nest {depth} deep, more than the limit of {MaxNesting} (a hostile or broken page)"));
        // The cancellable parse stops when the time budget runs out instead of running on in the background.
        var document = LoadGuard.Library(name, "HTML", () =>
            new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocumentAsync(text, ct).GetAwaiter().GetResult());
        ct.ThrowIfCancellationRequested();
        var root = (INode?)document.Body ?? document.DocumentElement;
        var builder = Walk(root, heuristics: true, new StructuredTextBuilder(name, options.MaxTextCharacters), ct);
        // Heuristics that leave nothing were wrong about this page: read it again keeping every visible element.
        if (builder.IsEmpty) builder = Walk(root, heuristics: false, new StructuredTextBuilder(name, options.MaxTextCharacters), ct);
        if (builder.IsEmpty)
            throw new DocumentLoadException(name, LoadFailure.Empty, "the HTML page holds no text");
        return builder.Build(name, DocumentFormats.Html, encoding) with { Warnings = warnings };
    }

    private static StructuredTextBuilder Walk(INode? root, bool heuristics, StructuredTextBuilder builder, CancellationToken ct)
    {
        var walker = new Walker(heuristics, builder, ct);
        if (root is not null) walker.Run(root);
        return walker.Builder;
    }

    private sealed class Walker(bool heuristics, StructuredTextBuilder builder, CancellationToken ct)
    {
        private readonly InlineCollector _line = new();
        private readonly Stack<(BlockKind Kind, int Level)> _context = new();
        private int _articleDepth;
        private int _listDepth;
        private int _preDepth;
        private int _steps;

        public StructuredTextBuilder Builder { get; } = builder;

        private (BlockKind Kind, int Level) Current => _context.Count > 0 ? _context.Peek() : (BlockKind.Paragraph, 0);

        public void Run(INode root)
        {
            // An explicit stack: nesting depth in a hostile page must not overflow the call stack.
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                if ((++_steps & 1023) == 0) ct.ThrowIfCancellationRequested();
                var (node, exit) = stack.Pop();
                if (exit)
                {
                    Leave((IElement)node);
                    continue;
                }
                switch (node)
                {
                    case IText t:
                        AppendText(t.Data);
                        continue;
                    case IElement e:
                        if (IsDropped(e)) continue;
                        if (e.LocalName == "br")
                        {
                            Flush();
                            continue;
                        }
                        if (e is IHtmlTableElement table && IsDataTable(table))
                        {
                            Flush();
                            EmitTable(table);
                            continue;
                        }
                        Enter(e);
                        stack.Push((e, true));
                        for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                            stack.Push((e.ChildNodes[i], false));
                        continue;
                    default:
                        // Documents, fragments: walk their children; comments and doctypes hold no text.
                        if (node.NodeType is NodeType.Document or NodeType.DocumentFragment)
                            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                                stack.Push((node.ChildNodes[i], false));
                        continue;
                }
            }
            Flush();
        }

        private void AppendText(string data)
        {
            if (_preDepth == 0)
            {
                _line.Append(data);
                return;
            }
            var parts = data.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) Flush();
                _line.Append(parts[i]);
            }
        }

        private void Enter(IElement e)
        {
            var tag = e.LocalName;
            if (tag is "article" or "main") _articleDepth++;
            if (tag is "pre" or "listing" or "xmp" or "plaintext") _preDepth++;
            if (tag is "ul" or "ol") _listDepth++;
            if (!BlockTags.Contains(tag)) return;
            Flush();
            var kind = tag switch
            {
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => (BlockKind.Heading, tag[1] - '0'),
                "li" => (BlockKind.ListItem, Math.Max(0, _listDepth - 1)),
                _ => Current,
            };
            _context.Push(kind);
        }

        private void Leave(IElement e)
        {
            var tag = e.LocalName;
            if (tag is "article" or "main") _articleDepth--;
            if (tag is "pre" or "listing" or "xmp" or "plaintext") _preDepth--;
            if (tag is "ul" or "ol") _listDepth--;
            if (!BlockTags.Contains(tag)) return;
            Flush();
            _context.Pop();
        }

        private void Flush()
        {
            if (_line.IsEmpty)
            {
                _line.Take();
                return;
            }
            var (kind, level) = Current;
            Builder.AddLine(kind, _line.Take(), level);
        }

        private bool IsDropped(IElement e)
        {
            var tag = e.LocalName;
            if (tag is "html" or "body" or "main" or "article") return false;
            if (Dropped.Contains(tag)) return true;
            if (e.HasAttribute("hidden")) return true;
            if (e.GetAttribute("aria-hidden") is { } ah && ah.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (e.GetAttribute("style") is { } style && HidesElement(style)) return true;
            if (!heuristics) return false;
            // An article's own header and footer hold its title and date; the page's are site chrome.
            if (tag is "header" or "footer") return _articleDepth == 0;
            if (e.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim())) return true;
            return IsChromeName(e.GetAttribute("class")) || IsChromeName(e.GetAttribute("id"));
        }

        private static bool HidesElement(string style)
        {
            var s = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
        }

        private static bool IsChromeName(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return false;
            foreach (var token in value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Equals("header", StringComparison.OrdinalIgnoreCase)) return true;
                foreach (var part in token.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
                    if (ChromeClassParts.Contains(part)) return true;
            }
            return false;
        }

        /// <summary>A table laid out as data (rows of cells) rather than as page layout: no table inside it, at least
        /// two columns, and no cell holding a whole article.</summary>
        private static bool IsDataTable(IHtmlTableElement table)
        {
            if (table.QuerySelector("table") is not null) return false;
            var rows = table.Rows;
            if (rows.Length == 0) return false;
            var maxColumns = 0;
            foreach (var row in rows)
            {
                var columns = 0;
                foreach (var cell in row.Cells)
                {
                    columns += Math.Clamp(cell.ColumnSpan, 1, 1000);
                    var paragraphs = cell.QuerySelectorAll("p,div,li,h1,h2,h3,h4,h5,h6,br").Length;
                    if (paragraphs >= 4 && cell.TextContent.Length > 400) return false;
                }
                maxColumns = Math.Max(maxColumns, columns);
            }
            return maxColumns >= 2;
        }

        private void EmitTable(IHtmlTableElement table)
        {
            if (table.Caption is { } caption && !IsDropped(caption))
                Builder.AddLine(BlockKind.Paragraph, FlattenText(caption));
            var rows = new List<IReadOnlyList<CellContent>>();
            foreach (var row in table.Rows)
            {
                if (IsDropped(row)) continue;
                var cells = new List<CellContent>();
                foreach (var cell in row.Cells)
                {
                    var text = IsDropped(cell) ? "" : FlattenText(cell);
                    cells.Add(new CellContent(text, Math.Clamp(cell.ColumnSpan, 1, 1000), Math.Clamp(cell.RowSpan, 1, 1000)));
                }
                rows.Add(cells);
            }
            Builder.AddTable(rows);
        }

        /// <summary>The text of an element on one line: block boundaries and breaks become spaces.</summary>
        private string FlattenText(IElement element)
        {
            var collector = new InlineCollector();
            // A null entry marks the end of a block: text after it is separated by a space.
            var stack = new Stack<INode?>();
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--) stack.Push(element.ChildNodes[i]);
            while (stack.Count > 0)
            {
                if ((++_steps & 1023) == 0) ct.ThrowIfCancellationRequested();
                var node = stack.Pop();
                if (node is null)
                {
                    collector.Separate();
                    continue;
                }
                if (node is IText t)
                {
                    collector.Append(t.Data);
                    continue;
                }
                if (node is not IElement e || IsDropped(e)) continue;
                var block = e.LocalName == "br" || BlockTags.Contains(e.LocalName);
                if (block)
                {
                    collector.Separate();
                    stack.Push(null);
                }
                for (var i = e.ChildNodes.Length - 1; i >= 0; i--) stack.Push(e.ChildNodes[i]);
            }
            return collector.Take();
        }
    }
}
