using GovTextExtract.CrossYear;
using GovTextExtract.Text;

namespace GovTextExtract.Panel;

/// <summary>A sentence that says the report sets no figure for an indicator this year.</summary>
/// <param name="Group">The indicator group it names.</param>
/// <param name="Measure">Growth when the words name a growth (增速, 增长), else level.</param>
/// <param name="Text">The words from the marker to the object word (没有提出全年经济增速具体目标).</param>
/// <param name="Span">Where those words stand in the normalised text.</param>
internal sealed record AbsentTarget(IndicatorGroup Group, Measure Measure, string Text, SourceSpan Span)
{
    public string? IndicatorId => PanelIndicators.IdOf(Group, Measure);
}

/// <summary>Finds the statements of a work report that it sets no figure for an indicator (不设…具体目标),
/// by the markers and object words of <c>panel.json</c> and the indicator names of <c>cross-year.json</c>.</summary>
internal sealed class AbsentTargetReader
{
    private readonly PanelLexicon _lex;
    private readonly CrossYearLexicon _indicators;

    public AbsentTargetReader(PanelLexicon lexicon, CrossYearLexicon indicators)
    {
        _lex = lexicon;
        _indicators = indicators;
    }

    public static AbsentTargetReader Default { get; } = new(PanelLexicon.Default, CrossYearLexicon.Default);

    /// <summary>Every explicitly absent target of a normalised text, one per indicator, in text order.</summary>
    public IReadOnlyList<AbsentTarget> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<AbsentTarget>();
        var sentenceStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('。' or '\n' or '！' or '？' or '；' or '!' or '?' or ';')) continue;
            if (i > sentenceStart) ReadSentence(text, sentenceStart, i, result);
            sentenceStart = i + 1;
        }
        return result;
    }

    private void ReadSentence(string text, int start, int end, List<AbsentTarget> result)
    {
        var sentence = text.AsSpan(start, end - start);
        foreach (var word in _lex.RejectWords)
            if (sentence.Contains(word, StringComparison.Ordinal)) return;
        foreach (var marker in _lex.AbsentMarkers)
        {
            var m = sentence.IndexOf(marker, StringComparison.Ordinal);
            if (m < 0) continue;
            var afterMarker = m + marker.Length;
            var window = sentence[afterMarker..Math.Min(sentence.Length, afterMarker + _lex.MaxGap + 8)];
            foreach (var obj in _lex.AbsentObjects)
            {
                var o = window.IndexOf(obj, StringComparison.Ordinal);
                if (o < 0 || o > _lex.MaxGap) continue;
                var between = window[..o].ToString();
                // The object word may itself name the growth (增速目标): read it with the words before it.
                var named = between + obj;
                if (_indicators.Resolve(named) is not { } group) break;
                var growth = _lex.GrowthWords.Any(w => named.Contains(w, StringComparison.Ordinal));
                var measure = growth ? Measure.Growth : Measure.Level;
                var from = start + m;
                var to = start + afterMarker + o + obj.Length;
                var absent = new AbsentTarget(group, measure, text[from..to], SourceSpan.FromBounds(from, to));
                if (absent.IndicatorId is not null && result.All(r => r.IndicatorId != absent.IndicatorId)) result.Add(absent);
                return;
            }
        }
    }
}
