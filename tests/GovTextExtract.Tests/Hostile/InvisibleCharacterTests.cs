using System.Text.Json;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, row 8: zero-width and bidi characters inside figures are dropped for reading; the evidence
/// offsets still point into the original text.</summary>
public sealed class InvisibleCharacterTests : HostileTestBase
{
    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C")]
    [InlineData("\u200D")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u202A")]
    [InlineData("\u202E")]
    public void An_invisible_character_inside_figures_changes_nothing_but_the_offsets(string invisible)
    {
        var text = $"3.新建充电桩5{invisible}00个。全年新建充电桩6{invisible}12个,完成年度目标任务的12{invisible}2.4%。";
        var input = Write("a.txt", text);

        var (code, stdout, stderr) = Run("extract", input);

        Assert.True(code == ExitCodes.Success, stderr);
        var record = Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(500m, record.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal(612m, record.GetProperty("actual").GetProperty("value").GetDecimal());
        Assert.Equal(122.4m, record.GetProperty("reported_rate").GetDecimal());
        var actual = record.GetProperty("evidence").GetProperty("actual");
        var span = text.Substring(actual.GetProperty("start").GetInt32(), actual.GetProperty("length").GetInt32());
        Assert.StartsWith("6" + invisible + "12", span, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_split_by_a_non_joiner_is_read_whole()
    {
        var text = "目标新增就业5万人。全年新增就业5\u200C.3万人。";
        var input = Write("a.txt", text);

        var (_, stdout, _) = Run("extract", input);

        Assert.DoesNotContain("\"value\": 5,", stdout, StringComparison.Ordinal);
        Assert.Contains("53000", stdout, StringComparison.Ordinal);
    }
}
