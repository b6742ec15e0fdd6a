using System.Text.Json;
using GovTextExtract;
using GovTextExtract.Output;

// Placeholder CLI: replaced by the full command set.
if (args.Length >= 2 && args[0] == "quantities")
{
    var text = args[1] == "--text" ? args[2] : File.ReadAllText(args[1]);
    foreach (var q in GovText.Pipeline.RecognizeQuantities(text, includeNonFigures: args.Contains("--all")))
        Console.WriteLine(JsonSerializer.Serialize(q, RecordJson.Compact));
    return 0;
}
if (args.Length >= 2 && args[0] == "extract")
{
    var r = GovText.ExtractFile(args[1]);
    Console.WriteLine(JsonSerializer.Serialize(new { document = r.Document, records = r.Records }, RecordJson.Options));
    return 0;
}
Console.Error.WriteLine("usage: govtext extract FILE | quantities FILE|--text TEXT");
return 2;
