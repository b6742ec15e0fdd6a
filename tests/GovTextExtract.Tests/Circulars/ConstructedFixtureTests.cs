using GovTextExtract.Tests.Pairing;

namespace GovTextExtract.Tests.Circulars;

/// <summary>The default reader on the ten constructed circulars of other styles (Pairing/Fixtures): every record the
/// earlier pairer reads there, which CircularGoldTests checks against outlines read off the fixtures by hand, the
/// default reader reads too (target, actual and stated rate).</summary>
public class ConstructedFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Pairing", "Fixtures"), "*.txt").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_default_reader_reads_every_hand_checked_record_of_a_constructed_circular(string name)
    {
        static (decimal?, decimal?, decimal?)[] Outline(ExtractionResult r) =>
            r.Records.Select(x => (x.Target?.Value, x.Actual?.Value, x.ReportedRate)).ToArray();
        var expected = Outline(LegacyReader.Pipeline.ExtractFile(Fixture.PathOf(name)));
        var read = Outline(GovText.ExtractFile(Fixture.PathOf(name))).ToList();

        Assert.NotEmpty(expected);
        foreach (var e in expected)
        {
            Assert.True(read.Remove(e), $"{name}: the default reader misses {e}");
        }
    }
}
