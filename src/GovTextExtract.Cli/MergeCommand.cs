using System.CommandLine;
using System.Globalization;
using GovTextExtract.Batch;

namespace GovTextExtract.Cli;

/// <summary><c>govtext merge OUT.sqlite STORE...</c>: joins batch stores, e.g. the shards of one archive.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Argument<string>("OUT")
        {
            Description = "The merged store to write (SQLite).",
        };
        var sources = new Argument<string[]>("STORE")
        {
            Description = "The batch stores to merge (written by govtext batch --format sqlite, or the " +
                          BatchCommand.StateSuffix + " of a jsonl or csv run).",
            Arity = ArgumentArity.OneOrMore,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace OUT when it exists.",
        };
        var command = new DescribedCommand("merge",
            "Merge batch stores (e.g. the shards of one archive) into one store.",
            "OUT gets every document of every STORE with its records. A path held by several stores keeps the " +
            "better outcome: extracted over failed, then, when the contents differ, the one processed last (named " +
            "on standard error as a conflict). Shards of one archive (batch --shard i/n) never share a path, so " +
            "their merge holds the same documents and records as one run over the whole archive.\n" +
            "OUT is built in a temporary file and moved into place when complete: a failed merge leaves no partial " +
            "store.\n" +
            "Example: govtext merge archive.sqlite part1.sqlite part2.sqlite part3.sqlite")
        {
            output, sources, force,
        };
        command.SetAction(parse =>
        {
            MergeSummary summary;
            try
            {
                summary = BatchMerge.Merge(parse.GetValue(output)!, parse.GetValue(sources)!, parse.GetValue(force));
            }
            catch (BatchStoreException e)
            {
                // A missing or invalid STORE is an input failure; anything about OUT is an output failure.
                var code = parse.GetValue(sources)!.Contains(e.Path) ? ExitCodes.InputFailed : ExitCodes.OutputFailed;
                throw new CliException(e.Path, e.Problem, code, e);
            }
            foreach (var key in summary.Conflicts)
                context.Warn($"merge: conflict: {key} was extracted from different contents; kept the one processed last");
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"merge: {summary.Sources} stores: {summary.Counts.Extracted + summary.Counts.Failed} documents " +
                $"({summary.Counts.Extracted} extracted, {summary.Counts.Failed} failed), {summary.Counts.Records} records, " +
                $"{summary.Replaced + summary.Kept} held by more than one store, {summary.Conflicts.Count} conflicts; " +
                $"wrote {parse.GetValue(output)}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
