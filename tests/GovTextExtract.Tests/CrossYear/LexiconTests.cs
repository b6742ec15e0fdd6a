using System.Text.Json;
using GovTextExtract.CrossYear;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Tests.CrossYear;

/// <summary>Checks the examples that cross-year.json carries, and the alias groups the pairing relies on.</summary>
public sealed class LexiconTests
{
    private static readonly JsonElement Json = JsonDocument.Parse(LexiconSet.ReadEmbedded("cross-year.json")).RootElement;

    public static TheoryData<string, string> AliasExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var g in Json.GetProperty("indicators").GetProperty("groups").EnumerateArray())
            foreach (var e in g.GetProperty("examples").EnumerateArray())
                data.Add(e.GetString()!, g.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(AliasExamples))]
    public void Every_alias_group_example_resolves_to_its_group(string phrase, string group) =>
        Assert.Equal(group, CrossYearLexicon.Default.Resolve(phrase)?.Name);

    [Fact]
    public void Every_group_has_examples_and_every_alias_resolves_to_its_own_group()
    {
        foreach (var g in CrossYearLexicon.Default.Groups)
        {
            Assert.NotEmpty(g.Examples);
            foreach (var alias in g.Aliases)
                Assert.Equal(g.Name, CrossYearLexicon.Default.Resolve(alias)?.Name);
        }
    }

    [Theory]
    [InlineData("国内生产总值", "地区生产总值")]
    [InlineData("全市生产总值", "地区生产总值")]
    [InlineData("GDP", "地区生产总值")]
    [InlineData("地方一般公共预算收入", "一般公共预算收入")]
    [InlineData("公共财政预算收入", "一般公共预算收入")]
    [InlineData("CPI", "居民消费价格涨幅")]
    [InlineData("居民消费价格涨幅", "居民消费价格涨幅")]
    [InlineData("新增就业", "城镇新增就业")]
    [InlineData("城镇调查失业率", "城镇调查失业率")]
    [InlineData("城镇登记失业率", "城镇登记失业率")]
    [InlineData("地方财政总收入", "地方财政总收入")]
    [InlineData("进出口总额", "进出口总额")]
    [InlineData("出口", "出口")]
    public void Aliases_name_their_indicator(string alias, string group) =>
        Assert.Equal(group, CrossYearLexicon.Default.Resolve(alias)?.Name);

    public static TheoryData<string, string, decimal, decimal> ConversionExamples()
    {
        var data = new TheoryData<string, string, decimal, decimal>();
        foreach (var c in Json.GetProperty("unit_conversions").GetProperty("conversions").EnumerateArray())
            foreach (var e in c.GetProperty("examples").EnumerateArray())
                data.Add(c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!,
                    e.GetProperty("value").GetDecimal(), e.GetProperty("converted").GetDecimal());
        return data;
    }

    [Theory]
    [MemberData(nameof(ConversionExamples))]
    public void Unit_conversion_examples_hold_both_ways(string from, string to, decimal value, decimal converted)
    {
        Assert.Equal(converted, value * CrossYearLexicon.Default.ConversionFactor(from, to)!.Value);
        Assert.Equal(value, decimal.Round(converted * CrossYearLexicon.Default.ConversionFactor(to, from)!.Value, 6));
        Assert.Null(CrossYearLexicon.Default.ConversionFactor(from, "人"));
    }

    public static TheoryData<string, int> StatementExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in Json.GetProperty("statement").GetProperty("examples").EnumerateArray())
            data.Add(e.GetProperty("text").GetString()!, e.GetProperty("targets").GetInt32());
        return data;
    }

    [Theory]
    [MemberData(nameof(StatementExamples))]
    public void Statement_examples_give_their_number_of_targets(string text, int targets) =>
        Assert.Equal(targets, Reports.Pairer.ReadTargets(Reports.Prepare("政府工作报告\n" + text + "\n")).Count);

    public static TheoryData<string, string> ScopeExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Json.GetProperty("scope").GetProperty("examples").EnumerateArray())
            data.Add(e.GetProperty("text").GetString()!, e.GetProperty("scope").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScopeExamples))]
    public void Scope_examples_read_as_their_period(string text, string scope)
    {
        var report = Reports.Prepare("2026年某省政府工作报告\n" + text + "\n");
        var periods = new ReportLayout(CrossYearLexicon.Default).Periods(report, 2025);
        var last = report.SentenceIndexAt(report.Text.LastIndexOf('%'));
        Assert.Equal(scope == "year" ? Period.Year : Period.FiveYear, periods[last]);
    }

    public static TheoryData<string, string?> SubjectExamples()
    {
        var data = new TheoryData<string, string?>();
        foreach (var e in Json.GetProperty("subject").GetProperty("examples").EnumerateArray())
        {
            var indicator = e.GetProperty("indicator");
            data.Add(e.GetProperty("text").GetString()!, indicator.ValueKind == JsonValueKind.Null ? null : indicator.GetString());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SubjectExamples))]
    public void Subject_examples_name_their_indicator_or_a_sub_scope(string text, string? indicator)
    {
        var report = Reports.Prepare("过去一年，" + text + "。");
        var mentions = new MentionReader(CrossYearLexicon.Default)
            .Read(report, 0, report.Text.Length, allowRaw: false)
            .Where(m => m.Subject.Qualifier is null)
            .ToArray();
        if (indicator is null) Assert.Empty(mentions);
        else Assert.Equal(indicator, Assert.Single(mentions).Subject.Group.Name);
    }
}
