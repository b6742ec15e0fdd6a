using System.CommandLine;
using System.Globalization;
using GovTextExtract.Training;

namespace GovTextExtract.Cli;

/// <summary><c>govtext rules</c>: every named rule's coverage, overlaps, conflicts and accuracy against the gold.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var corpus = new CorpusOptions();
        var command = new DescribedCommand("rules",
            "Print every rule's coverage, overlaps, conflicts and accuracy against the gold.",
            "Role rules (models/rules/roles.json, the relational rules, the earlier pairer's votes) are judged on the " +
            "prose figures of the circular gold documents, against the role the gold records give each figure; link " +
            "rules on the candidate links between the gold roles. Coverage: the share of figures (or candidate links) a " +
            "rule votes on; overlaps: the share of its votes where another rule votes too; conflicts: where another " +
            "rule votes otherwise (for links: another candidate of the same figure has a vote); accuracy: the share of " +
            "its votes the gold agrees with.\n" +
            "Example: govtext rules --corpus corpus --raw ../shared/corpus/raw");
        var errors = new Option<string?>("--errors")
        {
            Description = "Instead of the table, list the figures a role rule voted for that the gold gives another role.",
            HelpName = "RULE",
        };
        command.Add(errors);
        corpus.AddTo(command);
        command.SetAction(parse =>
        {
            var documents = corpus.Load(context, parse);
            var w = context.Out;
            if (parse.GetValue(errors) is { } rule)
            {
                foreach (var line in RuleReport.Errors(documents, rule)) w.WriteLine(line);
                w.Flush();
                return ExitCodes.Success;
            }
            w.WriteLine("rule                                   kind   votes  coverage  overlaps  conflicts  correct  accuracy");
            w.WriteLine(new string('-', 101));
            foreach (var r in RuleReport.Measure(documents))
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Rule,-38} {r.Kind,-5} {r.Votes,6}  {r.Coverage,8:0.000}  {r.Overlaps,8:0.000}  {r.Conflicts,9:0.000}  {r.Correct,7}  {(r.Accuracy is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "-"),8}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Count} document(s)"));
            w.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
