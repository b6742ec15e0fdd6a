using System.Text;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;

namespace GovTextExtract.Tests.Loading;

/// <summary>Issue 17, must-have 10: the fuzzer's structural attacks (huge runs, inflating streams, charset lies,
/// zero-widths) are built from every seed, and each gives a document or the typed failure of the cap it aims at.</summary>
public sealed class StructuralAttackTests
{
    private static readonly LoadOptions Options = new LoaderFuzzOptions().Load;

    public static TheoryData<string> Attacks() => [.. StructuralAttacks.Names];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Every_seed_under_every_attack_loads_or_fails_typed(string attack)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var seed in LoaderFuzzer.BuiltInSeeds())
        {
            for (var k = 0; k < 4; k++)
            {
                var bytes = StructuralAttacks.Apply(attack, seed.Bytes, Options, new Random(k * 31 + seed.Name.Length));
                string outcome;
                try
                {
                    var doc = DocumentLoader.FromBytes(bytes, seed.Name, Options);
                    Assert.InRange(doc.Text.Length, 1, Options.MaxTextCharacters);
                    outcome = "loaded";
                }
                catch (DocumentLoadException e)
                {
                    Assert.StartsWith(seed.Name + ": ", e.Message, StringComparison.Ordinal);
                    outcome = e.Failure.ToString();
                }
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }
        Assert.True(outcomes.Values.Sum() == 40, string.Join(", ", outcomes));
    }

    [Fact]
    public void A_huge_run_over_the_cap_is_too_large_in_every_format_and_one_under_it_loads()
    {
        foreach (var seed in LoaderFuzzer.BuiltInSeeds().Where(s => !s.Name.Contains("bomb", StringComparison.Ordinal) && !s.Name.Contains("encrypted", StringComparison.Ordinal)))
        {
            var over = 0;
            var under = 0;
            for (var k = 0; k < 12; k++)
            {
                var bytes = StructuralAttacks.Apply("huge-run", seed.Bytes, Options, new Random(k));
                try
                {
                    DocumentLoader.FromBytes(bytes, seed.Name, Options);
                    under++;
                }
                catch (DocumentLoadException e) when (e.Failure is LoadFailure.TooLarge or LoadFailure.ZipBomb)
                {
                    over++;
                }
            }
            Assert.True(over > 0 && under > 0, $"{seed.Name}: {over} over the cap, {under} under it; the attack aims at both sides");
        }
    }

    [Fact]
    public void Zero_widths_in_a_text_seed_are_kept_by_the_loader_and_dropped_for_reading()
    {
        var seed = LoaderFuzzer.BuiltInSeeds().Single(s => s.Name == "plain-utf8.txt");
        var bytes = StructuralAttacks.Apply("zero-widths", seed.Bytes, Options, new Random(7));
        var text = DocumentLoader.FromBytes(bytes, seed.Name, Options).Text;
        Assert.True(text.Length > Encoding.UTF8.GetString(seed.Bytes).Length, "the attack inserted nothing");

        var plain = new ExtractionPipeline().ExtractText(Encoding.UTF8.GetString(seed.Bytes), "plain");
        var strewn = new ExtractionPipeline().ExtractText(text, "strewn");

        Assert.Equal(plain.Records.Select(r => (r.Target?.Value, r.Actual?.Value)), strewn.Records.Select(r => (r.Target?.Value, r.Actual?.Value)));
        Assert.NotEmpty(plain.Records);
    }
}
