using System.Text;
using GovTextExtract.Normalization;
using GovTextExtract.Tests.CrossYear;
using Xunit.Abstractions;

namespace GovTextExtract.Tests.Normalization;

/// <summary>The normaliser over every raw document of the shared corpus (../shared/corpus/raw).</summary>
public sealed class CorpusNormalizationTests
{
    // Pages of the corpus written in traditional characters, by reading them.
    private static readonly string[] TraditionalPages =
    [
        "china-2016-gov-report-quantified-targets.txt", "fujian-2010-livelihood-projects.txt",
        "huiyang-undated-key-projects.txt", "jianghua-2012-zhongdianxiangmu-progress-1-10.txt",
        "lijiang-gucheng-2020-project-performance-self-evaluation.txt", "ningde-2023-talent-station-performance-evaluation.txt",
        "quanguo-2018-zhengfugongzuobaogao-completion.txt", "shanxi-2011-affordable-housing.txt",
        "sichuan-xian-2012-zhaoshang-progress-h1.txt", "unknown-city-2005-labour-security-targets.txt",
        "zigong-2010-labour-livelihood-projects.txt",
    ];

    private readonly ITestOutputHelper _output;

    public CorpusNormalizationTests(ITestOutputHelper output) => _output = output;

    private static string[] RawFiles() =>
        Directory.GetFiles(Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>OpenCC's table read here, not through the library: traditional characters that simplified text never
    /// writes (one candidate, or several none of which is the character itself).</summary>
    private static HashSet<char> UnambiguousTraditional()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var set = new HashSet<char>();
        foreach (var line in File.ReadLines(Path.Combine(dir.FullName, "models", "opencc", "TSCharacters.txt"), Encoding.UTF8))
        {
            var parts = line.Split('\t');
            if (parts[0].Length == 1 && !parts[1].Split(' ').Contains(parts[0])) set.Add(parts[0][0]);
        }
        Assert.True(set.Count > 3500, "the OpenCC table looks truncated"); // 3744 of its 4113 lines: one-character keys, not ambiguous
        return set;
    }

    [Fact]
    public void Simplified_documents_change_only_in_unambiguously_traditional_characters_and_split_figures()
    {
        var traditional = UnambiguousTraditional();
        var checkedFiles = 0;
        foreach (var file in RawFiles())
        {
            if (TraditionalPages.Contains(Path.GetFileName(file))) continue;
            var original = File.ReadAllText(file, Encoding.UTF8);
            var n = TextNormalizer.Normalize(original);
            Assert.False(ChineseScript.IsPredominantlyTraditional(original), file);
            var kept = new bool[original.Length];
            var converted = new StringBuilder();
            for (var k = 0; k < n.Text.Length; k++)
            {
                var o = n.ToOriginal(k);
                kept[o] = true;
                var folded = TextNormalizer.Fold(original[o]);
                if (n.Text[k] == folded) continue;
                Assert.True(traditional.Contains(original[o]), $"{Path.GetFileName(file)} at {o}: {original[o]} became {n.Text[k]}");
                converted.Append(original[o]);
            }
            // Dropped: a CR before LF, invisible characters, and the one space or line break inside a split figure.
            var dropped = new List<string>();
            for (var o = 0; o < original.Length; o++)
            {
                if (kept[o]) continue;
                var c = original[o];
                if (c == '\r' && o + 1 < original.Length && original[o + 1] == '\n') continue;
                if (c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2064' or '\uFEFF') continue;
                Assert.True(c is ' ' or '\n' or '\u3000', $"{Path.GetFileName(file)} at {o}: dropped U+{(int)c:X4}");
                Assert.True(o > 0 && char.IsAsciiDigit(TextNormalizer.Fold(original[o - 1])), $"{Path.GetFileName(file)} at {o}: dropped a space after no digit");
                dropped.Add(original.Substring(Math.Max(0, o - 6), Math.Min(original.Length, o + 6) - Math.Max(0, o - 6)).Replace("\n", "⏎", StringComparison.Ordinal));
            }
            if (converted.Length > 0 || dropped.Count > 0)
                _output.WriteLine($"{Path.GetFileName(file)}: converted [{converted}] joined [{string.Join(" | ", dropped)}]");
            checkedFiles++;
        }
        Assert.True(checkedFiles >= 60, $"only {checkedFiles} simplified documents found");
    }

    [Fact]
    public void The_traditional_pages_are_read_as_traditional()
    {
        var names = RawFiles().Select(Path.GetFileName).ToHashSet();
        foreach (var page in TraditionalPages)
        {
            Assert.Contains(page, names);
            var original = File.ReadAllText(Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw", page), Encoding.UTF8);
            Assert.True(ChineseScript.IsPredominantlyTraditional(original), page);
        }
    }

    [Fact]
    public void Every_figure_of_a_traditional_page_maps_back_to_its_original_characters()
    {
        var pipeline = new ExtractionPipeline();
        foreach (var page in TraditionalPages)
        {
            var original = File.ReadAllText(Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw", page), Encoding.UTF8);
            var n = TextNormalizer.Normalize(original);
            Assert.DoesNotContain("(xiàn)", n.Text, StringComparison.Ordinal);
            foreach (var q in pipeline.RecognizeQuantities(original))
            {
                var text = original.Substring(q.Span.Start, q.Span.Length);
                Assert.Equal(q.Text, text);
                // The figure's first and last characters are its own, not brackets of dropped pinyin or spaces.
                Assert.False(char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text[^1] == ')' && !text.Contains('(', StringComparison.Ordinal), $"{page}: {text}");
            }
        }
    }
}
