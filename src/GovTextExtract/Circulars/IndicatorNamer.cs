using System.Text.RegularExpressions;
using GovTextExtract.Documents;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Circulars;

/// <summary>Names the indicator a figure reports on: the words of its clause before it (after any earlier figure of
/// the clause), less the scaffolding of time, place and effort (<c>indicator_strip</c> of cues.json) and period
/// phrases; when that leaves too little, the clause before it or the item's title.</summary>
internal sealed class IndicatorNamer(LexiconSet lex)
{
    private static readonly Regex Scaffolding = new(
        @"(?:[0-9]{4}年|今年|去年|[0-9一二三四五六七八九十]{1,2}\s*[-~至到—]\s*[0-9一二三四五六七八九十]{1,2}\s*月(?:份)?|元至[0-9]{1,2}月(?:份)?|截[至止][^,，]{0,10}?(?:底|末|日)|前三季度|上半年|[一二三]季度|前[0-9一二三四五六七八九十]{1,2}(?:个)?月|以来|目前|现已|同时|此外|另外|据统计|据了解|其中)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private const int MinLength = 2;

    /// <summary>Change verbs that name no indicator by themselves.</summary>
    private static readonly HashSet<string> BareVerbs = ["增长", "下降", "增加", "减少", "提高", "降低", "回落", "上升", "增速", "增幅"];

    /// <summary>The indicator's name as the words right before the figure give it, or null where they give none (or
    /// only a change verb) and the name would come from elsewhere.</summary>
    public string? OwnName(GovDocument doc, Mention m)
    {
        var name = Own(doc, m);
        // Scaffolding alone (全年, 年度任务) names nothing.
        return name.Length >= MinLength && !IsBareChange(name) && !lex.IndicatorStripPrefixes.Contains(name) ? name : null;
    }

    private string Own(GovDocument doc, Mention m)
    {
        var clause = doc.ClauseOf(m);
        var start = clause.Start;
        foreach (var other in doc.MentionsInSentence(m.Sentence))
            if (other.Index < m.Index && other.Span.End <= m.Span.Start && other.Span.End > start) start = other.Span.End;
        // A flattened table's cells before the figure's prose (项目资金 (万元) 年初预算数 … 本项目共申请预算资金90万元)
        // are no part of its name: read from after the last gap of spaces, where words follow it.
        var lead = doc.Text.AsSpan(start, m.Span.Start - start);
        var gap = lead.LastIndexOfAny(' ', '\u3000', '\t');
        if (gap >= 0 && CountChinese(lead[(gap + 1)..]) >= MinLength) start += gap + 1;
        // A sentence that goes on after a semicolon (…的59.94%;完成县上全年任务…) names from after it.
        var semicolon = doc.Text.AsSpan(start, m.Span.Start - start).LastIndexOfAny(';', '；');
        if (semicolon >= 0) start += semicolon + 1;
        return Clean(doc.Text[start..m.Span.Start]);
    }

    public string Name(GovDocument doc, Mention m)
    {
        var name = Own(doc, m);
        // "其中:30万元用于基建工程审计": nothing before the figure names it; the words after it do.
        if (name.Length < MinLength && After(doc, m) is { Length: >= MinLength } after) return after;
        // "完成12个村卫生室标准化建设", "全年解决1.5万农村人口饮水安全问题": only a verb of doing before the figure; the
        // thing done follows it.
        if (IsDoneVerb(name) && Object(doc, m) is { Length: >= MinLength } done) return done;
        // "外贸进出口总额(第8项):预计下降8%左右": a clause that holds only a change verb names its indicator in the
        // clause before it.
        // "1.地区生产总值。目标任务：增长6.5%": a change verb alone in an item names its indicator by the item's title.
        if (IsBareChange(name) && Title(doc, m) is { } itemTitle)
            return itemTitle + name;
        // "实现地区生产总值186.4亿元，同比增长5.9%": a change said of a level just given is the change of that level's
        // indicator (地区生产总值增长).
        if (IsBareChange(name) && SubjectBefore(doc, m) is { } subject)
            return subject + WithoutComparison(WithoutEstimate(name));
        if (IsBareChange(name) && m.Clause > 0)
        {
            var previous = doc.Sentences[m.Sentence].Clauses[m.Clause - 1];
            var before = Clean(doc.Text.Substring(previous.Start, previous.Length));
            if (before.Length >= MinLength) return before + name;
        }
        if (name.Length < MinLength && m.Clause > 0)
        {
            var previous = doc.Sentences[m.Sentence].Clauses[m.Clause - 1];
            name = Clean(doc.Text.Substring(previous.Start, previous.Length)) + name;
        }
        if (name.Length < MinLength)
        {
            var block = doc.Blocks[m.Block];
            var title = Clean(doc.Text[block.BodyStart..Math.Min(block.Span.End, block.BodyStart + 20)]);
            name = title.Length >= MinLength ? title : name;
        }
        return name.Length == 0 ? "(unnamed)" : name;
    }

    private static int CountChinese(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
            if (c is >= '\u4e00' and <= '\u9fff') n++;
        return n;
    }

    /// <summary>The words that follow a figure in its clause and say what it is for (用于X, 的X), up to the next
    /// figure or punctuation; empty when none do.</summary>
    private string After(GovDocument doc, Mention m)
    {
        var text = WordsAfter(doc, m, "，,;；。:：(（");
        foreach (var w in ForWords)
            if (text.StartsWith(w, StringComparison.Ordinal)) return Clean(text[w.Length..].ToString());
        return "";
    }

    /// <summary>The text right after a figure, up to the next figure of its clause, the clause's end or the first of
    /// <paramref name="stops"/>.</summary>
    private static ReadOnlySpan<char> WordsAfter(GovDocument doc, Mention m, string stops)
    {
        var end = doc.ClauseOf(m).End;
        foreach (var other in doc.MentionsInSentence(m.Sentence))
            if (other.Index > m.Index && other.Span.Start < end) { end = other.Span.Start; break; }
        var text = doc.Text.AsSpan(m.Span.End, Math.Max(0, end - m.Span.End));
        var cut = text.IndexOfAny(stops);
        return cut >= 0 ? text[..cut] : text;
    }

    private static readonly string[] ForWords = ["用于", "用在", "投入"];

    /// <summary>Most characters of an item's title that leads a short name.</summary>
    private const int MaxTitle = 12;

    /// <summary>The title of a figure's item: the words from the item's marker to its first stop (（一）产业项目。 gives
    /// 产业项目), when they are few and hold no figure; else null.</summary>
    public string? Title(GovDocument doc, Mention m)
    {
        var block = doc.Blocks[m.Block];
        if (block.BodyStart <= block.Span.Start && block.Role != BlockRole.Item) return null;
        var text = doc.Text.AsSpan(block.BodyStart, block.Span.End - block.BodyStart);
        var stop = text.IndexOfAny("。，,:：;；");
        if (stop <= 0 || stop > MaxTitle) return null;
        var title = text[..stop];
        foreach (var c in title)
            if (char.IsDigit(c)) return null;
        var cleaned = Clean(title.ToString());
        return cleaned.Length >= MinLength ? cleaned : null;
    }

    /// <summary>Verbs of doing that name no indicator by themselves (完成, 实际完成, 解决 …).</summary>
    private static readonly HashSet<string> DoneVerbs =
        ["完成", "实际", "实际完成", "已完成", "累计完成", "共完成", "全面完成", "解决", "实现", "建成", "开工", "新建", "办理", "发放", "培训"];

    /// <summary>True when a name is only a verb of doing: the record is better named by its target or its object.</summary>
    public static bool IsDoneVerb(string name) => DoneVerbs.Contains(name);

    /// <summary>Most characters of the object after a figure that name it.</summary>
    private const int MaxObject = 16;

    /// <summary>The words right after a figure up to the next punctuation or figure (12个村卫生室标准化建设: 村卫生室标准化
    /// 建设), when they are words and not too many; empty otherwise.</summary>
    private string Object(GovDocument doc, Mention m)
    {
        var text = WordsAfter(doc, m, "，,;；。:：(（、");
        if (text.Length > MaxObject || CountChinese(text) < text.Length - 2) return "";
        return Clean(text.ToString());
    }

    /// <summary>A change verb alone, maybe after an estimate word or a comparison (预计增长, 同比增长, 比上年下降).</summary>
    private static bool IsBareChange(string name) => BareVerbs.Contains(WithoutComparison(WithoutEstimate(name)));

    private static string WithoutComparison(string name)
    {
        foreach (var w in ComparisonWords)
            if (name.StartsWith(w, StringComparison.Ordinal)) return name[w.Length..];
        return name;
    }

    /// <summary>Words that say what a change is measured against; longest first.</summary>
    private static readonly string[] ComparisonWords =
        ["比上年同期", "较上年同期", "比去年同期", "较去年同期", "与上年相比", "同比分别", "比上年", "较上年", "比去年", "较去年", "同比"];

    /// <summary>The name of the level figure right before the figure, at the end of the clause before it or in its
    /// own clause after a 、 (地区生产总值 in 实现地区生产总值186.4亿元，同比增长5.9% and in 实现地区生产总值2680亿元、增长6.1%);
    /// null otherwise.</summary>
    private string? SubjectBefore(GovDocument doc, Mention m)
    {
        Mention? level = null;
        foreach (var other in doc.MentionsInSentence(m.Sentence))
        {
            if (other.Index >= m.Index) continue;
            if (other.Clause == m.Clause - 1) level = other;
            else if (other.Clause == m.Clause && other.Index == m.Index - 1
                     && doc.Text.AsSpan(other.Span.End, m.Span.Start - other.Span.End).TrimStart().StartsWith("、", StringComparison.Ordinal))
                level = other;
        }
        if (level is null || level.Quantity.Unit is "%" or "个百分点") return null;
        var name = StripDoneVerb(Own(doc, level));
        return name.Length >= MinLength && !IsBareChange(name) ? name : null;
    }

    /// <summary>A verb of doing that opens a level's clause (实现, 完成) is no part of the indicator's name.</summary>
    private static string StripDoneVerb(string name)
    {
        foreach (var v in LevelVerbs)
            if (name.Length > v.Length + 1 && name.StartsWith(v, StringComparison.Ordinal)) return name[v.Length..];
        return name;
    }

    private static readonly string[] LevelVerbs = ["实现", "完成", "达到"];

    private static string WithoutEstimate(string name)
    {
        foreach (var w in EstimateWords)
            if (name.StartsWith(w, StringComparison.Ordinal)) return name[w.Length..];
        return name;
    }

    private static readonly string[] EstimateWords = ["预计", "预期", "力争", "确保", "有望"];

    // An item marker (1. 一、 (三)) and a bracket that numbers the item (第1项).
    private static readonly Regex ItemMarks = new(
        @"^\s*(?:[0-9]{1,3}\s*[.、．)）]|[(（]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])|[(（][^)）]*[0-9][^)）]*(?:[)）]|$)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private string Clean(string s)
    {
        // A semicolon ends what came before (…的59.94%;完成县上全年任务): a name never spans one.
        if (s.LastIndexOfAny([';', '；']) is var semicolon and >= 0) s = s[(semicolon + 1)..];
        s = ItemMarks.Replace(s, "");
        s = Scaffolding.Replace(s, "");
        s = s.Trim(' ', ',', '，', ':', '：', '、', '(', '（', ')', '）', '—', '-', '●', '•', '“', '”', '"', '>', '<', '=', '≥', '≤');
        bool changed;
        do
        {
            changed = false;
            foreach (var p in lex.IndicatorStripPrefixes)
                if (s.Length > p.Length && s.StartsWith(p, StringComparison.Ordinal)) { s = s[p.Length..].TrimStart(); changed = true; }
            foreach (var p in lex.IndicatorStripSuffixes)
                if (s.Length > p.Length && s.EndsWith(p, StringComparison.Ordinal)) { s = s[..^p.Length].TrimEnd(); changed = true; }
            var trimmed = s.Trim(' ', ',', '，', ':', '：', '、', '的', '为', '是', '了');
            if (trimmed.Length != s.Length) { s = trimmed; changed = true; }
        } while (changed && s.Length > 0);
        foreach (var infix in lex.IndicatorStripInfixes) s = s.Replace(infix, "", StringComparison.Ordinal);
        return s;
    }
}
