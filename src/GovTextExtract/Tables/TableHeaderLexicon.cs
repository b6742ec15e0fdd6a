using System.Text;
using System.Text.Json;
using GovTextExtract.Lexicons;
using GovTextExtract.Normalization;

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

    private TableHeaderLexicon(Dictionary<ColumnRole, string[]> words, string[] ignored, string[] reductionWords, HeaderExample[] examples,
        string[] groupTargets, string[] totalRows)
    {
        GroupTargetWords = groupTargets;
        TotalRows = totalRows;
        _exact = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        foreach (var w in ignored) _exact[Key(w)] = ColumnRole.None;
        foreach (var (role, list) in words)
            foreach (var w in list)
                _exact.TryAdd(Key(w), role);
        // Longest first; among equals the more specific role: rate, actual, target, indicator.
        _words = words.Where(kv => kv.Key != ColumnRole.Unit)
            .SelectMany(kv => kv.Value.Select(w => (Word: Key(w), Role: kv.Key)))
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

    /// <summary>The examples of the file.</summary>
    public IReadOnlyList<HeaderExample> Examples { get; }

    /// <summary>Reads a header cell.</summary>
    public HeaderReading Classify(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var (key, unit) = SplitUnit(Key(header));
        if (key.Length == 0) return new HeaderReading(ColumnRole.None, unit);
        if (_exact.TryGetValue(key, out var exact)) return new HeaderReading(exact, unit);
        foreach (var (word, role) in _words)
            if (key.Contains(word, StringComparison.Ordinal))
                return new HeaderReading(role, unit);
        return new HeaderReading(ColumnRole.None, unit);
    }

    private static int Precedence(ColumnRole role) => role switch
    {
        ColumnRole.Rate => 0,
        ColumnRole.Actual => 1,
        ColumnRole.Target => 2,
        _ => 3,
    };

    /// <summary>Folds full-width forms and drops whitespace.</summary>
    internal static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
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
        };
        var examples = root.TryGetProperty("examples", out var ex)
            ? ex.EnumerateArray().Select(e => new HeaderExample(
                e.GetProperty("header").GetString() ?? "",
                ParseRole(e.GetProperty("role").GetString() ?? "none"),
                e.TryGetProperty("unit", out var u) ? u.GetString() : null)).ToArray()
            : [];
        return new TableHeaderLexicon(words, List("ignored"), List("reduction_words"), examples,
            List("group_target_words"), List("total_rows"));
    }

    private static ColumnRole ParseRole(string role) => role switch
    {
        "indicator" => ColumnRole.Indicator,
        "target" => ColumnRole.Target,
        "actual" => ColumnRole.Actual,
        "rate" => ColumnRole.Rate,
        "unit" => ColumnRole.Unit,
        "none" => ColumnRole.None,
        _ => throw new FormatException($"unknown column role '{role}' in table-headers.json"),
    };
}
