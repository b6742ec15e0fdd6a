using System.Text;
using System.Text.Json;
using GovTextExtract.Lexicons;
using GovTextExtract.Normalization;
using GovTextExtract.Records;

namespace GovTextExtract.Tables;

/// <summary>The role a table column plays in a table of targets.</summary>
public enum ColumnRole
{
    /// <summary>No role the extractor reads (序号, 责任单位, 备注, or an unknown header).</summary>
    None,
    /// <summary>The indicator or task (指标名称, 项目, 目标任务).</summary>
    Indicator,
    /// <summary>The target (年度目标, 目标值, 计划).</summary>
    Target,
    /// <summary>The reported actual (完成值, 实际完成, 完成情况).</summary>
    Actual,
    /// <summary>The stated completion rate (完成率, 完成进度).</summary>
    Rate,
    /// <summary>The unit of the row's figures (单位).</summary>
    Unit,
    /// <summary>The bound of the row's target, written as a sign (指标性质: ≥, ≤, ﹦).</summary>
    Bound,
}

/// <summary>A header cell read: its role and the unit written in brackets after it, if any.</summary>
/// <param name="Role">The column's role.</param>
/// <param name="Unit">The unit in brackets (年度目标（亿元） gives 亿元), else null.</param>
public sealed record HeaderReading(ColumnRole Role, string? Unit);

/// <summary>An example of the lexicon file: a header and the reading the tests expect.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Role">Expected role.</param>
/// <param name="Unit">Expected unit, or null.</param>
public sealed record HeaderExample(string Header, ColumnRole Role, string? Unit);

/// <summary>The header words of tables of targets and results, from <c>models/lexicons/table-headers.json</c>
/// (embedded in the library).</summary>
public sealed class TableHeaderLexicon
{
    private static readonly Lazy<TableHeaderLexicon> DefaultLexicon = new(() => Parse(LexiconSet.ReadEmbedded("table-headers.json")));

    private readonly (string Word, ColumnRole Role)[] _words;
    private readonly Dictionary<string, ColumnRole> _exact;
    private readonly HashSet<string> _serial;
    private readonly HashSet<string> _remarks;

    private TableHeaderLexicon(Dictionary<ColumnRole, string[]> words, string[] ignored, string[] reductionWords, HeaderExample[] examples,
        string[] groupTargets, string[] totalRows, string[] serial, string[] remarks, string[] rateSuffixes,
        Dictionary<string, BoundKind> boundSymbols)
    {
        GroupTargetWords = groupTargets;
        TotalRows = totalRows;
        RateSuffixes = rateSuffixes;
        // Longest symbol first, so that ">=" is read before ">".
        BoundSymbols = boundSymbols.OrderByDescending(kv => kv.Key.Length).Select(kv => (kv.Key, kv.Value)).ToArray();
        _serial = serial.Select(Key).ToHashSet(StringComparer.Ordinal);
        _remarks = remarks.Select(Key).ToHashSet(StringComparer.Ordinal);
        _exact = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        foreach (var w in ignored) _exact[Key(w)] = ColumnRole.None;
        foreach (var (role, list) in words)
            foreach (var w in list)
                _exact.TryAdd(Key(w), role);
        // Longest first; among equals the more specific role: rate, actual, target, indicator, bound, ignored.
        _words = words.Where(kv => kv.Key != ColumnRole.Unit)
            .SelectMany(kv => kv.Value.Select(w => (Word: Key(w), Role: kv.Key)))
            .Concat(ignored.Select(w => (Word: Key(w), Role: ColumnRole.None)))
            .OrderByDescending(p => p.Word.Length).ThenBy(p => Precedence(p.Role))
            .ToArray();
        ReductionWords = reductionWords;
        Examples = examples;
    }

    /// <summary>The lexicon embedded in the library.</summary>
    public static TableHeaderLexicon Default => DefaultLexicon.Value;

    /// <summary>Words that make an indicator a reduction (降低, 下降): its figure is the size of the fall, so a larger
    /// figure is better although the indicator's subject (能耗) improves as it falls.</summary>
    public IReadOnlyList<string> ReductionWords { get; }

    /// <summary>Words that, under an indicator spanning several columns, make a column the target although alone
    /// they head an indicator column (目标任务, 任务).</summary>
    public IReadOnlyList<string> GroupTargetWords { get; }

    /// <summary>Row labels of a whole (全市, 合计): a grouped table's record of such a row is named by its group alone.</summary>
    public IReadOnlyList<string> TotalRows { get; }

    /// <summary>Endings of a header without a role that, sharing its stem with a group's columns, make it that group's
    /// rate (开工率 after 累计开工数) or, when the group has no actual yet, its actual (降低率 after 降低目标).</summary>
    public IReadOnlyList<string> RateSuffixes { get; }

    /// <summary>Signs of a bound (≥, ≤, ﹦), longest first, as a bound column or a target cell writes them.</summary>
    internal IReadOnlyList<(string Symbol, BoundKind Bound)> BoundSymbols { get; }

    /// <summary>True for the header of a column of remarks in words (备注, 偏差原因分析及改进措施), last in a row and often
    /// empty: a row's closing figures stand left of it.</summary>
    internal bool IsRemark(string header) => _remarks.Contains(SplitUnit(Key(header ?? "")).Text);

    /// <summary>The unit headers (单位, 计量单位): before a colon on a line above a table they name the whole table's
    /// unit (单位：万元).</summary>
    internal IReadOnlyList<string> UnitWords => _exact.Where(kv => kv.Value == ColumnRole.Unit).Select(kv => kv.Key).ToArray();

    /// <summary>True for the header of a column of row numbers (序号), which a row may leave out.</summary>
    public bool IsSerial(string header) => _serial.Contains(SplitUnit(Key(header ?? "")).Text);

    /// <summary>The examples of the file.</summary>
    public IReadOnlyList<HeaderExample> Examples { get; }

    /// <summary>Reads a header cell.</summary>
    public HeaderReading Classify(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var (role, unit, _) = Match(header);
        return new HeaderReading(role, unit);
    }

    /// <summary>Reads a header cell and names the lexicon word that decided its role (null for no word or an exact
    /// match of the whole header).</summary>
    internal (ColumnRole Role, string? Unit, string? Word) Match(string header)
    {
        var (key, unit) = SplitUnit(Key(header));
        if (key.Length == 0) return (ColumnRole.None, unit, null);
        if (_exact.TryGetValue(key, out var exact)) return (exact, unit, key);
        foreach (var (word, role) in _words)
            if (key.Contains(word, StringComparison.Ordinal))
                return (role, unit, word);
        return (ColumnRole.None, unit, null);
    }

    /// <summary>The words of the target, actual and rate roles, longest first: what a header's stem is left
    /// without (累计完成投资额 → 投资额).</summary>
    internal IEnumerable<string> RoleWords => _words.Where(w => w.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Rate).Select(w => w.Word);

    private static int Precedence(ColumnRole role) => role switch
    {
        ColumnRole.Rate => 0,
        ColumnRole.Actual => 1,
        ColumnRole.Target => 2,
        ColumnRole.Indicator => 3,
        ColumnRole.Bound => 4,
        _ => 5,
    };

    /// <summary>Brings a header to the script the lexicon is written in (simplified characters) before it is read:
    /// the normaliser's traditional → simplified conversion (OpenCC's data), so 項目資金 reads as 项目资金.</summary>
    internal static string ToLexiconScript(string header) => TextNormalizer.Normalize(header).Text;

    /// <summary>Folds full-width forms, drops whitespace, and brings the header to the lexicon's script.</summary>
    internal static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in ToLexiconScript(s))
        {
            var f = TextNormalizer.Fold(c);
            if (!char.IsWhiteSpace(f)) sb.Append(f);
        }
        return sb.ToString();
    }

    /// <summary>Splits a trailing bracketed unit off a (folded) header or indicator: "年度目标(亿元)" → ("年度目标", "亿元").</summary>
    internal static (string Text, string? Unit) SplitUnit(string folded)
    {
        if (folded.Length > 2 && folded[^1] == ')')
        {
            var open = folded.LastIndexOf('(');
            if (open > 0 && open < folded.Length - 2)
            {
                var inner = folded[(open + 1)..^1];
                if (inner.StartsWith("单位:", StringComparison.Ordinal)) inner = inner[3..];
                if (inner.Length is > 0 and <= 6) return (folded[..open], inner);
            }
        }
        return (folded, null);
    }

    /// <summary>Parses a lexicon file's JSON.</summary>
    public static TableHeaderLexicon Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        string[] List(string name) => root.TryGetProperty(name, out var p)
            ? p.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToArray()
            : [];
        var words = new Dictionary<ColumnRole, string[]>
        {
            [ColumnRole.Indicator] = List("indicator"),
            [ColumnRole.Target] = List("target"),
            [ColumnRole.Actual] = List("actual"),
            [ColumnRole.Rate] = List("rate"),
            [ColumnRole.Unit] = List("unit"),
            [ColumnRole.Bound] = List("bound"),
        };
        var examples = root.TryGetProperty("examples", out var ex)
            ? ex.EnumerateArray().Select(e => new HeaderExample(
                e.GetProperty("header").GetString() ?? "",
                ParseRole(e.GetProperty("role").GetString() ?? "none"),
                e.TryGetProperty("unit", out var u) ? u.GetString() : null)).ToArray()
            : [];
        var symbols = new Dictionary<string, BoundKind>(StringComparer.Ordinal);
        if (root.TryGetProperty("bound_symbols", out var bs))
            foreach (var p in bs.EnumerateObject())
                symbols[Key(p.Name)] = ParseBound(p.Value.GetString() ?? "");
        return new TableHeaderLexicon(words, List("ignored"), List("reduction_words"), examples,
            List("group_target_words"), List("total_rows"), List("serial"), List("remarks"), List("rate_suffixes"), symbols);
    }

    private static BoundKind ParseBound(string bound) => bound switch
    {
        "at_least" => BoundKind.AtLeast,
        "at_most" => BoundKind.AtMost,
        "about" => BoundKind.About,
        "exact" => BoundKind.Exact,
        "range" => BoundKind.Range,
        _ => throw new FormatException($"unknown bound '{bound}' in table-headers.json"),
    };

    private static ColumnRole ParseRole(string role) => role switch
    {
        "indicator" => ColumnRole.Indicator,
        "target" => ColumnRole.Target,
        "actual" => ColumnRole.Actual,
        "rate" => ColumnRole.Rate,
        "unit" => ColumnRole.Unit,
        "bound" => ColumnRole.Bound,
        "none" => ColumnRole.None,
        _ => throw new FormatException($"unknown column role '{role}' in table-headers.json"),
    };
}
