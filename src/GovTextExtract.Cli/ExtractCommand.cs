using System.CommandLine;
using System.Text.Json;
using GovTextExtract.Loading;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Cli;

/// <summary><c>govtext extract FILE</c>: the completion records of one document.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A text file (UTF-8, UTF-16, GB18030 or Big5), HTML page, DOCX or PDF holding a document that states targets and " +
                          "reports results, e.g. a completion circular (完成情况的通报).",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var (scorer, threshold, model, reader) = (ScorerOptions.Scorer(), ScorerOptions.Threshold(), ScorerOptions.Model(), ScorerOptions.Reader());
        var maxSeconds = CommonOptions.MaxSeconds();
        var maxText = CommonOptions.MaxText();
        var command = new DescribedCommand("extract",
            "Extract the completion records (target, actual, rate, status) of one document.",
            "Each record pairs a stated target with the actual reported against it, and gives the completion " +
            "rate the document states, the rate computed from the figures, a status (exceeded, met, not_met, " +
            "pending, unknown), audit flags, a confidence and the character offsets of the evidence.\n" +
            "A work report (政府工作报告) read alone gives the records of its main targets, without actuals: pair it " +
            "with the next year's report (govtext pair) for the results.\n" +
            "JSON: {\"document\": NAME, \"kind\": \"circular\"|\"work_report\", \"records\": [...]}. CSV: a header row, then one row per record.\n" +
            "Example: govtext extract corpus/xianning-2019-completion.txt --format csv --out records.csv")
        {
            file, format, output, scorer, threshold, model, reader, maxSeconds, maxText,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(output) is { } outPath and not "-")
                OutputTarget.CheckNotInput(outPath, [path]);
            var pipeline = CommonOptions.WithBudget(ScorerOptions.Pipeline(context, parse, scorer, threshold, model, reader), parse.GetValue(maxSeconds), parse.GetValue(maxText));
            var document = DocumentLoader.Load(path, pipeline.Options.Load);
            CommonOptions.WriteLoadWarnings(context, document);
            ExtractionResult result;
            try
            {
                result = pipeline.Extract(document);
            }
            catch (ExtractionBudgetException e)
            {
                throw new CliException(path, e.Reason, ExitCodes.InputFailed, e);
            }
            if (result.Kind == DocumentKind.WorkReport)
                context.Error.WriteLine($"govtext: {result.Document} reads as a work report: {result.Records.Count} main target(s), " +
                                        "without actuals; pair it with the next year's report (govtext pair) for the results");
            OutputTarget.Write(parse.GetValue(output), context.Out, writer =>
            {
                if (parse.GetValue(format) == "csv")
                    new RecordCsvWriter(writer, "document").WriteAll(result.Records, result.Document);
                else
                    WriteJson(writer, new DocumentRecords(result.Document,
                        result.Kind == DocumentKind.WorkReport ? "work_report" : "circular", result.Records,
                        result.Warnings.Count > 0 ? result.Warnings : null));
            }, path);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes a value as indented record JSON and a final newline.</summary>
    public static void WriteJson<T>(TextWriter writer, T value)
    {
        writer.Write(JsonSerializer.Serialize(value, RecordJson.Options));
        writer.WriteLine();
    }

    /// <summary>The JSON shape of <c>extract</c>.</summary>
    /// <remarks>Warnings (how the bytes became text) follow the records, and only when there are any.</remarks>
    private sealed record DocumentRecords(string Document, string Kind, IReadOnlyList<CompletionRecord> Records,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyList<string>? Warnings);
}
