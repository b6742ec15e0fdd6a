using System.CommandLine;
using System.Text.Json;
using GovTextExtract.Loading;
using GovTextExtract.Output;
using GovTextExtract.Quantities;
using GovTextExtract.Records;

namespace GovTextExtract.Cli;

/// <summary><c>govtext quantities</c>: every number the recogniser finds, one JSON object a line.</summary>
internal static class QuantitiesCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A text file to read (UTF-8, UTF-16 or GB18030). Give either FILE or --text.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var text = new Option<string?>("--text", "-t")
        {
            Description = "Read this text instead of a file.",
            HelpName = "TEXT",
        };
        var all = new Option<bool>("--all", "-a")
        {
            Description = "Also print numbers that are not figures: dates, document numbers, ranks, item numbers.",
        };
        var command = new DescribedCommand("quantities",
            "Print every quantity the recogniser finds in a file or a text, one JSON object a line.",
            "Keys: start and length (UTF-16 offsets " +
            "into the decoded text), text, value (万 and 亿 multiplied out, % as a number of percent), unit, " +
            "bound (at_least, at_most, about, range, exact), approximate, estimate, period, kind, low, high, " +
            "decrease, change (the signed change a growth figure states: 下降3% gives -3, 持平 gives 0; null for " +
            "a level).\n" +
            "Example: govtext quantities --text \"增长8.1%(目标8%)\"")
        {
            file, text, all,
        };
        command.Validators.Add(result =>
        {
            var hasFile = result.GetValue(file) is not null;
            var hasText = result.GetValue(text) is not null;
            if (hasFile == hasText)
                result.AddError("quantities needs either a FILE or --text TEXT (one of them, not both)");
        });
        command.SetAction(parse =>
        {
            var input = parse.GetValue(text) ?? DocumentLoader.Load(parse.GetValue(file)!, context.Pipeline.Options.Load).Text;
            foreach (var q in context.Pipeline.RecognizeQuantities(input, parse.GetValue(all)))
                context.Out.WriteLine(JsonSerializer.Serialize(QuantityLine.From(q), RecordJson.Compact));
            context.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The JSON shape of one quantity: its span flattened to start and length.</summary>
    private sealed record QuantityLine(
        int Start, int Length, string Text, decimal? Value, string? Unit, BoundKind? Bound, bool Approximate,
        bool Estimate, string? Period, QuantityKind Kind, decimal? Low, decimal? High, bool Decrease, decimal? Change)
    {
        public static QuantityLine From(Quantity q) => new(
            q.Span.Start, q.Span.Length, q.Text, q.Value, q.Unit, q.Bound, q.Approximate, q.Estimate, q.Period, q.Kind,
            q.Low, q.High, q.Decrease, q.Change);
    }
}
