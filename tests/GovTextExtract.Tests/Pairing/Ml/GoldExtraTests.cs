using System.Globalization;
using GovTextExtract.Evaluation;
using GovTextExtract.Tests.CrossYear;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Pairing.Ml;

/// <summary>Every targets-only gold file of corpus/gold-extra: its texts stand verbatim in the raw report, and its
/// values are the texts' numbers with 万 and 亿 multiplied out.</summary>
public class GoldExtraTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold-extra"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Texts_are_verbatim_in_the_report_and_values_parse(string file)
    {
        var gold = GoldFile.Load(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold-extra", file));
        Assert.Equal(GoldKind.Targets, gold.Kind);
        Assert.Equal(Path.GetFileNameWithoutExtension(file) + ".txt", gold.Document);
        var raw = File.ReadAllText(Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw", gold.Document!));
        Assert.NotEmpty(gold.Records);
        foreach (var r in gold.Records)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Indicator));
            var target = Assert.IsType<Records.TargetValue>(r.Target);
            Assert.Null(r.Actual);
            Assert.Equal(Records.CompletionStatus.Unknown, r.Status);
            Assert.True(raw.Contains(target.Text, StringComparison.Ordinal), $"{file}: \"{target.Text}\" is not in {gold.Document}");
            Assert.NotNull(target.Unit);
            var numbers = Numbers(target.Text);
            if (target.Bound == Records.BoundKind.Range)
            {
                Assert.Null(target.Value);
                Assert.Equal(new[] { target.Low!.Value, target.High!.Value }, numbers);
            }
            else
            {
                Assert.Equal(new[] { target.Value!.Value }, numbers);
            }
        }
    }

    [Fact]
    public void The_number_reader_of_this_test_multiplies_out_wan_and_yi()
    {
        Assert.Equal([680000m], Numbers("68万人左右"));
        Assert.Equal([1300000000000m], Numbers("1.3万亿斤以上"));
        Assert.Equal([29600000000m], Numbers("达到296亿元"));
        Assert.Equal([5m, 5.5m], Numbers("5%—5.5%"));
        Assert.Equal([4.5m, 5m], Numbers("4.5-5%"));
    }

    /// <summary>The numbers of a target text: ASCII digits with a decimal point, each times 10^4 for a following
    /// 万, 10^8 for 亿, 10^12 for 万亿.</summary>
    private static decimal[] Numbers(string text)
    {
        var result = new List<decimal>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            var value = decimal.Parse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (text.AsSpan(i).StartsWith("万亿")) value *= 1_000_000_000_000m;
            else if (text.AsSpan(i).StartsWith("万")) value *= 10_000m;
            else if (text.AsSpan(i).StartsWith("亿")) value *= 100_000_000m;
            result.Add(value);
        }
        return result.ToArray();
    }
}
