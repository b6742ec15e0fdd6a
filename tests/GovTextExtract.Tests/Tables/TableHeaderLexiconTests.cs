using System.Text.Json;
using GovTextExtract.Tables;
using GovTextExtract.Tests.Loading;

namespace GovTextExtract.Tests.Tables;

public class TableHeaderLexiconTests
{
    public static TheoryData<string, string, string?> Examples()
    {
        // Read from the data file in the repository, not from the embedded copy: the file is the source of truth.
        var path = Path.Combine(LoadingTestSupport.RepoRoot(), "models", "lexicons", "table-headers.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var data = new TheoryData<string, string, string?>();
        foreach (var e in doc.RootElement.GetProperty("examples").EnumerateArray())
            data.Add(e.GetProperty("header").GetString()!, e.GetProperty("role").GetString()!,
                e.TryGetProperty("unit", out var u) ? u.GetString() : null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleOfTheFileIsClassifiedAsStated(string header, string role, string? unit)
    {
        var reading = TableHeaderLexicon.Default.Classify(header);
        Assert.Equal(role, reading.Role.ToString().ToLowerInvariant());
        Assert.Equal(unit, reading.Unit);
    }

    [Fact]
    public void TheFileHasExamplesOfEveryRole()
    {
        var roles = TableHeaderLexicon.Default.Examples.Select(e => e.Role).ToHashSet();
        Assert.Equal(Enum.GetValues<ColumnRole>().ToHashSet(), roles);
        Assert.True(TableHeaderLexicon.Default.Examples.Count >= 15);
    }

    [Theory]
    [InlineData("指 标 名 称", ColumnRole.Indicator)]
    [InlineData("年度目标（%）", ColumnRole.Target)]
    [InlineData("全年完成情况", ColumnRole.Actual)]
    [InlineData("完成率（%）", ColumnRole.Rate)]
    [InlineData("牵头单位", ColumnRole.None)]
    [InlineData("联系电话", ColumnRole.None)]
    [InlineData("累计完成率(%)", ColumnRole.Rate)]
    [InlineData("指标属性", ColumnRole.Bound)]
    [InlineData("全年得分", ColumnRole.None)]
    [InlineData("2019年能源消费增量（万吨）", ColumnRole.None)]
    [InlineData("1-9月累计", ColumnRole.Actual)]
    public void HeadersOutsideTheExamples(string header, ColumnRole role) =>
        Assert.Equal(role, TableHeaderLexicon.Default.Classify(header).Role);

    [Theory]
    [InlineData("序号", true)]
    [InlineData("编 号", true)]
    [InlineData("县区", false)]
    public void SerialColumns(string header, bool serial) => Assert.Equal(serial, TableHeaderLexicon.Default.IsSerial(header));

    [Fact]
    public void AnUnknownBoundInTheFileIsAFormatError() =>
        Assert.Throws<FormatException>(() => TableHeaderLexicon.Parse("""{ "bound_symbols": { ">=": "more" } }"""));

    [Fact]
    public void AnUnknownRoleInTheFileIsAFormatError() =>
        Assert.Throws<FormatException>(() => TableHeaderLexicon.Parse("""{ "examples": [ { "header": "x", "role": "boss" } ] }"""));
}
