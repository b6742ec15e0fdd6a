using GovTextExtract.Documents;

namespace GovTextExtract.Roles;

/// <summary>A plan stated, then reported on in the same words: a run of sentences followed at once by a run of as many
/// sentences that repeat them with other figures (本项目共申请预算资金90万元。其中:30万元用于A;30万元用于B。
/// 本项目共完成预算资金89.97万元。其中:30万元用于A;29.99万元用于B。). The figures of the first run are targets, those
/// of the second their results, in order. Performance self-evaluation forms (预期目标 | 实际完成情况) and plans
/// restated as results are written so.</summary>
/// <remarks>Both runs lie in one paragraph; each sentence pair has as many figures, of compatible units, and reads alike
/// once its figures are masked (<see cref="MinSimilarity"/>); the second run opens with a word of doing or reporting
/// (完成, 实际 …) that the first run's opening lacks, so a year set beside another is not read as a plan and
/// its result.</remarks>
internal static class ParallelPassages
{
    /// <summary>How alike the sentence pairs of a run must read on average, figures masked (Dice of character
    /// pairs).</summary>
    public const double MinSimilarity = 0.6;

    /// <summary>How alike each sentence pair must read (an opening that names the plan and the result in other words,
    /// 本项目共安排资金# against 本项目共完成支出#, reads 0.375 alike).</summary>
    public const double MinPairSimilarity = 0.3;

    /// <summary>Fewest sentence pairs in parallel.</summary>
    public const int MinRun = 2;

    /// <summary>Most sentence pairs in parallel looked for (it bounds the work on a long paragraph).</summary>
    public const int MaxRun = 12;

    /// <summary>Most characters of a sentence, before its first figure, that its shape is read from.</summary>
    private const int Lead = 24;

    /// <summary>The (stated, reported) mention pairs of a document.</summary>
    public static IReadOnlyList<(int Stated, int Reported)> Find(GovDocument doc)
    {
        var pairs = new List<(int, int)>();
        var done = CueGroups.Default.WordsOf("done").Concat(CueGroups.Default.WordsOf("report")).ToArray();
        var byBlock = doc.Sentences.Where(s => doc.MentionCountInSentence(s.Index) > 0).GroupBy(s => s.Block);
        foreach (var group in byBlock)
        {
            var sentences = group.ToArray();
            if (sentences.Length < 2 * MinRun) continue;
            var figures = sentences.Select(s => Figures(doc, s)).ToArray();
            var shapes = sentences.Select((s, k) => Shape(doc, s, figures[k])).ToArray();
            var opens = shapes.Select(shape => Opens(shape, done)).ToArray();
            var i = 0;
            while (i < sentences.Length)
            {
                // A plan's run opens without a word of doing; the run that restates it opens with one.
                var run = opens[i] ? 0 : LongestRun(figures, shapes, opens, i);
                if (run < MinRun)
                {
                    i++;
                    continue;
                }
                for (var k = 0; k < run; k++)
                    for (var n = 0; n < figures[i + k].Length; n++)
                        pairs.Add((figures[i + k][n].Index, figures[i + run + k][n].Index));
                i += 2 * run;
            }
        }
        return pairs;
    }

    /// <summary>The length of the longest run starting at sentence <paramref name="i"/> that the run right after it
    /// repeats, that run opening with a word of doing.</summary>
    private static int LongestRun(Mention[][] figures, string[] shapes, bool[] opens, int i)
    {
        for (var run = Math.Min(MaxRun, (shapes.Length - i) / 2); run >= MinRun; run--)
        {
            if (!opens[i + run]) continue;
            var total = 0.0;
            var k = 0;
            for (; k < run; k++)
            {
                var similarity = Similarity(figures[i + k], figures[i + run + k], shapes[i + k], shapes[i + run + k]);
                if (similarity < MinPairSimilarity) break;
                total += similarity;
            }
            if (k == run && total / run >= MinSimilarity) return run;
        }
        return 0;
    }

    /// <summary>How alike two sentences read, figures masked; 0 when their figures differ in number or units.</summary>
    private static double Similarity(Mention[] ma, Mention[] mb, string shapeA, string shapeB)
    {
        if (ma.Length != mb.Length) return 0;
        for (var n = 0; n < ma.Length; n++)
            if (!UnitClasses.Compatible(ma[n], mb[n])) return 0;
        return Dice(shapeA, shapeB);
    }

    private static bool Opens(string shape, string[] words)
    {
        var head = shape.IndexOf('#', StringComparison.Ordinal) is var h and >= 0 ? shape[..h] : shape;
        return words.Any(w => head.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Where the prose of a sentence starts: after the last space before its last figure (a flattened
    /// table's cells before it are no part of it), else at the sentence's start.</summary>
    private static int ProseStart(GovDocument doc, Sentence s)
    {
        var last = doc.MentionsInSentence(s.Index).Last();
        var gap = doc.Text.AsSpan(s.Span.Start, last.Span.Start - s.Span.Start).LastIndexOfAny(' ', '\u3000', '\t');
        return gap < 0 ? s.Span.Start : s.Span.Start + gap + 1;
    }

    /// <summary>The figures of a sentence's prose (<see cref="ProseStart"/>).</summary>
    private static Mention[] Figures(GovDocument doc, Sentence s)
    {
        var start = ProseStart(doc, s);
        return doc.MentionsInSentence(s.Index).Where(m => m.Span.Start >= start).ToArray();
    }

    /// <summary>A sentence's prose with its figures masked (#) and spaces dropped, read from at most
    /// <see cref="Lead"/> characters before its first figure.</summary>
    internal static string Shape(GovDocument doc, Sentence s, Mention[] mentions)
    {
        var start = Math.Max(ProseStart(doc, s), mentions[0].Span.Start - Lead);
        var chars = new System.Text.StringBuilder();
        var next = 0;
        for (var p = start; p < s.Span.End; p++)
        {
            if (next < mentions.Length && p >= mentions[next].Span.Start)
            {
                chars.Append('#');
                p = mentions[next].Span.End - 1;
                next++;
                continue;
            }
            if (!char.IsWhiteSpace(doc.Text[p])) chars.Append(doc.Text[p]);
        }
        return chars.ToString();
    }

    private static double Dice(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2) return a == b ? 1 : 0;
        var grams = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < a.Length; i++)
            grams[(a[i], a[i + 1])] = grams.GetValueOrDefault((a[i], a[i + 1])) + 1;
        var shared = 0;
        for (var i = 0; i + 1 < b.Length; i++)
            if (grams.TryGetValue((b[i], b[i + 1]), out var n) && n > 0)
            {
                grams[(b[i], b[i + 1])] = n - 1;
                shared++;
            }
        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }
}
