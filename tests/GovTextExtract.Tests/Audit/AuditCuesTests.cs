using System.Globalization;
using System.Text.Json;
using GovTextExtract.Audit;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Tests.Audit;

/// <summary>The examples and counter-examples of the auditor's keys in cues.json do what the file says.</summary>
public sealed class AuditCuesTests
{
    private static JsonElement Cues(string key)
    {
        using var doc = JsonDocument.Parse(LexiconSet.ReadEmbedded("cues.json"));
        return doc.RootElement.GetProperty(key).Clone();
    }

    private static IEnumerable<string> List(string key, string list) =>
        Cues(key).GetProperty(list).EnumerateArray().Select(e => e.GetString()!);

    public static TheoryData<string> ClaimExamples() => new(List("claim_lists", "examples"));

    public static TheoryData<string> ClaimCounterExamples() => new(List("claim_lists", "counter_examples"));

    public static TheoryData<string> BreakdownExamples() => new(List("breakdowns", "examples"));

    public static TheoryData<string> BreakdownCounterExamples() => new(List("breakdowns", "counter_examples"));

    [Theory]
    [MemberData(nameof(ClaimExamples))]
    public void AClaimExampleMakesAClaim(string example) =>
        Assert.Single(ClaimCheck.ClaimSpans(example, LexiconSet.Default));

    [Theory]
    [MemberData(nameof(ClaimCounterExamples))]
    public void AClaimCounterExampleMakesNone(string example) =>
        Assert.Empty(ClaimCheck.ClaimSpans(example, LexiconSet.Default));

    [Theory]
    [MemberData(nameof(BreakdownExamples))]
    public void ABreakdownExampleAddsUpAndIsFlaggedOnceAPartGrows(string example)
    {
        Assert.DoesNotContain(Auditor.Default.Audit(example, []).AllFlags, f => f.Code == AuditCodes.PartsSum);

        // The first part after the whole, made 5 larger: now the parts exceed the whole.
        var q = GovText.Quantities(example);
        var part = q[1];
        var grown = example[..part.Span.Start] +
                    (part.Value!.Value + 5).ToString(CultureInfo.InvariantCulture) +
                    example[(part.Span.Start + part.Value.Value.ToString(CultureInfo.InvariantCulture).Length)..];

        Assert.Contains(Auditor.Default.Audit(grown, []).AllFlags, f => f.Code == AuditCodes.PartsSum);
    }

    [Theory]
    [MemberData(nameof(BreakdownCounterExamples))]
    public void ABreakdownCounterExampleIsNoFinding(string example) =>
        Assert.DoesNotContain(Auditor.Default.Audit(example, []).AllFlags, f => f.Code == AuditCodes.PartsSum);

    [Fact]
    public void EveryAuditorKeyIsRead()
    {
        var cues = LexiconSet.Default.Audit;

        Assert.NotEmpty(cues.ListTails);
        Assert.NotEmpty(cues.PhraseOpeners);
        Assert.NotEmpty(cues.PhraseClosers);
        Assert.NotEmpty(cues.Negations);
        Assert.NotEmpty(cues.Hedges);
        Assert.NotEmpty(cues.WholeDocumentClaims);
        Assert.NotEmpty(cues.WholeMarkers);
        Assert.NotEmpty(cues.SubsetOpeners);
        Assert.NotEmpty(cues.TotalWords);
        Assert.Equal(List("claim_lists", "tails").OrderByDescending(w => w.Length), cues.ListTails);
    }

    [Fact]
    public void ACuesFileWithoutTheAuditorsKeysGivesEmptyCues()
    {
        var cues = AuditCues.Parse("""{"target_cues": ["目标"]}""");

        Assert.Empty(cues.ListTails);
        Assert.Empty(cues.WholeMarkers);
    }
}
