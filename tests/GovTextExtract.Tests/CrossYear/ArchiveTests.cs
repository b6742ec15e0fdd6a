using GovTextExtract.CrossYear;
using GovTextExtract.Loading;

namespace GovTextExtract.Tests.CrossYear;

public sealed class ArchiveTests
{
    [Theory]
    [InlineData("2025年安徽省政府工作报告\n来源：省政府政策研究室\n各位代表：", "安徽省", 2025)]
    [InlineData("海拉尔区政府工作报告——2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上", "海拉尔区", 2013)]
    [InlineData("政 府 工 作 报 告\n\n----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上\n", "海拉尔区", 2012)]
    [InlineData("政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理　李克强\n各位代表：", "中华人民共和国", 2023)]
    [InlineData("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2011年工作回顾\n过去的一年……", "中华人民共和国", 2012)]
    [InlineData("2026年辽宁省政府工作报告\n——2026年1月27日在辽宁省第十四届人民代表大会第五次会议上", "辽宁省", 2026)]
    public void Place_and_year_come_from_the_title_and_first_lines(string head, string place, int year)
    {
        var id = ReportIdentity.Of(head);
        Assert.Equal(place, id.Place);
        Assert.Equal(year, id.Year);
    }

    [Theory]
    [InlineData("关于2019年重点工作全年完成情况的通报\n各县市区人民政府：")]
    [InlineData("file\ttitle\nhailar-2012.txt\t海拉尔区政府工作报告——2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上\n")]
    [InlineData("王正谱作政府工作报告。本报记者摄\n各位代表：")]
    public void A_text_that_is_no_work_report_is_not_placed(string head)
    {
        var id = ReportIdentity.Of(head);
        Assert.Null(id.Place);
        Assert.Null(id.Year);
    }

    [Fact]
    public void Every_same_place_consecutive_year_pair_is_made_and_the_rest_is_listed_with_a_reason()
    {
        var dir = Directory.CreateTempSubdirectory("crossyear-archive-");
        try
        {
            static string Report(int year, string place, string targets, string review) =>
                $"{year}年{place}政府工作报告\n一、{year - 1}年工作回顾\n过去一年，{review}\n二、{year}年工作安排\n今年经济社会发展主要预期目标是：{targets}\n";
            File.WriteAllText(Path.Combine(dir.FullName, "a-2020.txt"), Report(2020, "甲省", "地区生产总值增长6%左右。", "地区生产总值增长5%。"));
            File.WriteAllText(Path.Combine(dir.FullName, "a-2021.txt"), Report(2021, "甲省", "地区生产总值增长7%左右。", "地区生产总值增长6.2%。"));
            File.WriteAllText(Path.Combine(dir.FullName, "a-2022.txt"), Report(2022, "甲省", "地区生产总值增长5%左右。", "地区生产总值增长7.1%。"));
            File.WriteAllText(Path.Combine(dir.FullName, "b-2020.txt"), Report(2020, "乙市", "地区生产总值增长6%。", "地区生产总值增长5%。"));
            File.WriteAllText(Path.Combine(dir.FullName, "notice.txt"), "关于重点工作完成情况的通报\n各单位：");
            File.WriteAllBytes(Path.Combine(dir.FullName, "empty.txt"), []);

            var archive = Reports.Pipeline.PairArchive(dir.FullName);

            Assert.Equal(2, archive.Pairs.Count);
            var first = archive.Pairs[0];
            Assert.Equal(("甲省", 2020, "a-2020.txt", "a-2021.txt"), (first.Place, first.Year, first.TargetDocument, first.ActualDocument));
            var gdp = Assert.Single(first.Records);
            Assert.Equal(6.2m, gdp.Actual!.Value);
            Assert.Equal(("a-2021.txt", "a-2022.txt"), (archive.Pairs[1].TargetDocument, archive.Pairs[1].ActualDocument));
            Assert.Equal(7.1m, Assert.Single(archive.Pairs[1].Records).Actual!.Value);

            var unpaired = archive.Unpaired.ToDictionary(u => Path.GetFileName(u.Path), u => u.Reason);
            Assert.Equal(["b-2020.txt", "empty.txt", "notice.txt"], unpaired.Keys.Order(StringComparer.Ordinal));
            Assert.StartsWith("no neighbour", unpaired["b-2020.txt"]);
            Assert.StartsWith("cannot be loaded", unpaired["empty.txt"]);
            Assert.StartsWith("not placed", unpaired["notice.txt"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_is_a_typed_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-archive-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DocumentLoadException>(() => Reports.Pipeline.PairArchive(missing));
        Assert.Equal(LoadFailure.NotFound, e.Failure);
        Assert.Contains(missing, e.Message);
    }
}
