using GovTextExtract.CrossYear;
using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Quantities;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.CrossYear;

/// <summary>Builds small constructed reports for the cross-year tests.</summary>
internal static class Reports
{
    private static readonly QuantityRecognizer Recognizer = new(LexiconSet.Default);

    public static CrossYearPairer Pairer { get; } = new(LexiconSet.Default, Recognizer, ExtractionOptions.Default);

    public static ExtractionPipeline Pipeline { get; } = new();

    public static LoadedDocument Document(string text, string name = "report.txt") =>
        new() { Name = name, Text = text, EncodingName = "utf-16" };

    public static ReportText Prepare(string text, string name = "report.txt") => new(Document(text, name), Recognizer);

    /// <summary>The targets of a report whose main-target statement is <paramref name="statement"/>.</summary>
    public static IReadOnlyList<TargetItem> Targets(string statement) =>
        Pairer.ReadTargets(Prepare("2024年某市政府工作报告\n今年经济社会发展的主要预期目标是：" + statement + "\n"));

    /// <summary>Pairs a year-2024 statement with a year-2025 review paragraph.</summary>
    public static CrossYearResult Pair(string statement, string review) => Pipeline.PairReports(
        Document("2024年某市政府工作报告\n一、2023年工作回顾\n过去一年，各项工作取得新成效。\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：" + statement + "\n", "2024.txt"),
        Document("2025年某市政府工作报告\n一、2024年工作回顾\n" + review + "\n二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n", "2025.txt"));

    public static CompletionRecord Single(CrossYearResult result, string indicator) =>
        Assert.Single(result.Records, r => r.Indicator == indicator);
}
