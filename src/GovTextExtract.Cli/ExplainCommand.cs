using System.CommandLine;
using System.Globalization;
using GovTextExtract.Circulars;
using GovTextExtract.Loading;

namespace GovTextExtract.Cli;

/// <summary><c>govtext explain FILE</c>: how the circular reader read a document: every figure with the rules that
/// voted for it, the role it was given (with the classifier's confidence), and the links chosen.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The document (text, HTML, DOCX or PDF)." };
        var (scorer, threshold, model, reader) = (ScorerOptions.Scorer(), ScorerOptions.Threshold(), ScorerOptions.Model(), ScorerOptions.Reader());
        var command = new DescribedCommand("explain",
            "Show how a document was read: each figure's votes, role and links.",
            "One line per figure: its sentence and text, the rules that voted for it (rule:role), the role given and " +
            "how sure the reader is; then one line per link chosen (rate, target or difference → actual) with its " +
            "probability. Tables are read by the table reader and shown as such.\n" +
            "Example: govtext explain report.txt --reader rules")
        {
            file, scorer, threshold, model, reader,
        };
        command.SetAction(parse =>
        {
            var pipeline = ScorerOptions.Pipeline(context, parse, scorer, threshold, model, reader);
            var loaded = DocumentLoader.Load(parse.GetValue(file)!, pipeline.Options.Load);
            var read = pipeline.ReadCircular(loaded);
            var doc = read.Document;
            var w = context.Out;
            foreach (var m in doc.Mentions)
            {
                var votes = string.Join(" ", read.Votes.For(m.Index).Select(v => v.Rule + ":" + v.Role.ToString().ToLowerInvariant()));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"#{m.Index,-4} s{m.Sentence,-4} {doc.Slice(m.Span),-14} {(m.InTable ? "table" : read.Roles[m.Index].ToString().ToLowerInvariant()),-10} {read.RoleConfidence[m.Index]:0.00}  {votes}"));
            }
            foreach (var (link, p) in read.Links)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"link {link.Kind.ToString().ToLowerInvariant(),-10} #{link.From} {doc.Slice(doc.Mentions[link.From].Span)} → #{link.To} {doc.Slice(doc.Mentions[link.To].Span)}  {p:0.00}"));
            w.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
