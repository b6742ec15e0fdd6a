using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GovTextExtract.Loading.Fuzzing;
using GovTextExtract.Output;

namespace GovTextExtract.Cli;

/// <summary><c>govtext fuzz</c>: the loaders' stress run — mutated HTML, DOCX, PDF and text bytes, each of which
/// must load or fail with a typed error within the time budget.</summary>
internal static class FuzzCommand
{
    public static Command Create(CliContext context)
    {
        var cases = new Option<int>("--cases", "-n")
        {
            Description = "How many mutated documents to try.",
            DefaultValueFactory = _ => 10_000,
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Random seed (the same seed gives the same cases).",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new DescribedCommand("fuzz",
            "Stress the loaders with mutated documents and count what loads, what is rejected (by reason) and what escapes as an unhandled exception.",
            "Exit code 0 when no case escaped as an unhandled exception or ran over the time budget, 1 otherwise.\n" +
            "Example: govtext fuzz --cases 10000 --seed 7")
        {
            cases, seed, json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(cases) <= 0) r.AddError("--cases must be a positive number");
        });
        command.SetAction(parse =>
        {
            var options = parse.GetValue(seed) is { } s ? new LoaderFuzzOptions { Seed = s } : new LoaderFuzzOptions();
            var report = new LoaderFuzzer(options).Run(parse.GetValue(cases));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    report.Cases,
                    report.Loaded,
                    Rejected = report.Rejected.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
                    report.Unhandled,
                    report.OverBudget,
                    report.OverMemoryBudget,
                    PeakMb = Math.Round(report.PeakBytes / 1048576.0, 1),
                    report.PeakCase,
                    report.CasesByMutation,
                    ElapsedSeconds = report.Elapsed.TotalSeconds,
                }, RecordJson.Options));
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                context.Out.WriteLine(string.Create(inv, $"cases {report.Cases}, loaded {report.Loaded}, rejected {report.RejectedTotal}, unhandled {report.UnhandledTotal}, over budget {report.OverBudget}, over memory budget {report.OverMemoryBudget}, {report.Elapsed.TotalSeconds:0.0} s"));
                context.Out.WriteLine(string.Create(inv, $"  peak memory of a case {report.PeakBytes / 1048576.0:0} MB (case {report.PeakCase}); slowest {report.Slowest.TotalSeconds:0.00} s (case {report.SlowestCase})"));
                context.Out.WriteLine("  cases by mutation: " + string.Join(", ", report.CasesByMutation.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(inv, $"{kv.Key} {kv.Value}"))));
                foreach (var (reason, n) in report.Rejected.OrderByDescending(kv => kv.Value))
                    context.Out.WriteLine(string.Create(inv, $"  rejected {reason}: {n}"));
                foreach (var (type, n) in report.Unhandled)
                    context.Out.WriteLine(string.Create(inv, $"  UNHANDLED {type}: {n}"));
            }
            context.Out.Flush();
            return report.UnhandledTotal == 0 && report.OverBudget == 0 && report.OverMemoryBudget == 0 ? ExitCodes.Success : ExitCodes.InputFailed;
        });
        return command;
    }
}
