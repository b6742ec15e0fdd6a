using System.Globalization;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Tests.Segmentation;

public sealed class UserDictionaryTests
{
    /// <summary>The repository root: the folder above the test output that holds GovTextExtract.sln.</summary>
    internal static DirectoryInfo RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "GovTextExtract.sln"))) return d;
        throw new InvalidOperationException("GovTextExtract.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] EntryLines() =>
        File.ReadAllLines(Path.Combine(RepoRoot().FullName, "models", "segmenter", "userdict.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();

    [Fact]
    public void EveryLineParses()
    {
        var lines = EntryLines();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length is >= 1 and <= 3, $"'{line}': expected 'word [frequency] [pos]'");
            Assert.True(parts[0].All(c => !char.IsWhiteSpace(c) && !char.IsControl(c)), $"'{line}': bad word");
            if (parts.Length >= 2)
                Assert.True(int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f > 0,
                    $"'{line}': frequency '{parts[1]}' is not a positive integer");
            if (parts.Length == 3)
                Assert.True(parts[2].All(char.IsAsciiLetterLower), $"'{line}': part of speech '{parts[2]}'");
        }
    }

    [Fact]
    public void EmbeddedCopyMatchesTheFile()
    {
        var fromFile = EntryLines().Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToArray();
        var embedded = UserDictionary.Load().Select(e => e.Word).ToArray();
        Assert.Equal(fromFile, embedded);
    }

    [Fact]
    public void NoWordIsDuplicated()
    {
        var words = UserDictionary.Load().Select(e => e.Word).ToArray();
        var dupes = words.GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(dupes.Length == 0, "duplicated: " + string.Join(", ", dupes));
    }

    [Fact]
    public void ParseReadsFrequencyAndDefaultsIt()
    {
        var parsed = UserDictionary.Parse("# comment\n城镇新增就业 5000 n\r\n新增就业\n\n");
        Assert.Equal([("城镇新增就业", 5000), ("新增就业", UserDictionary.DefaultFrequency)], parsed);
    }

    [Fact]
    public void NoEntryHoldsAPhraseOfTheCorpusCircular()
    {
        // Words must describe the genre, not one document: see ../shared/hooks/corpus-phrases.txt.
        var phrasesFile = Path.Combine(RepoRoot().FullName, "..", "shared", "hooks", "corpus-phrases.txt");
        if (!File.Exists(phrasesFile)) return; // only where the shared folder is absent (a clone elsewhere)
        var phrases = File.ReadAllLines(phrasesFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        Assert.NotEmpty(phrases);
        var hits = EntryLines().SelectMany(line => phrases.Where(p => line.Contains(p, StringComparison.Ordinal))
            .Select(p => $"'{line}' holds '{p}'")).ToArray();
        Assert.True(hits.Length == 0, string.Join("; ", hits));
    }
}
