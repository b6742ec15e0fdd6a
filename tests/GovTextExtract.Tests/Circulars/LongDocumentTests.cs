using System.Globalization;
using System.Text;
using GovTextExtract.Circulars;
using GovTextExtract.Loading;

namespace GovTextExtract.Tests.Circulars;

/// <summary>A document longer than <see cref="ExtractionOptions.ChunkCharacters"/> is read part by part, with the same
/// records as read whole where no pair spans two parts, and evidence into the whole text.</summary>
public class LongDocumentTests
{
    // Lines of one item each: a result, its target and its stated rate, all different from line to line.
    private static string Lines(int count)
    {
        var b = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            var actual = 1000 + i;
            var target = 900 + i;
            var rate = Math.Round(actual * 100m / target, 2);
            b.Append(CultureInfo.InvariantCulture, $"{i}.全区新增就业{actual}人,完成年度目标任务{target}人的{rate}%。\n");
        }
        return b.ToString();
    }

    private static ExtractionPipeline Pipeline(int chunk) =>
        new(ExtractionOptions.Default with { CircularReader = CircularReaderKind.Rules, ChunkCharacters = chunk });

    [Fact]
    public void Read_in_parts_a_long_document_gives_the_records_it_gives_read_whole_with_evidence_into_the_whole_text()
    {
        var text = Lines(1200);
        Assert.True(text.Length > 3 * ExtractionPipeline.MinChunkCharacters);
        var doc = new LoadedDocument { Name = "long", Text = text, EncodingName = "utf-16" };

        var whole = Pipeline(int.MaxValue).Extract(doc).Records;
        var parts = Pipeline(ExtractionPipeline.MinChunkCharacters).Extract(doc).Records;

        Assert.Equal(1200, whole.Count);
        Assert.Equal(
            whole.Select(r => (r.Target!.Value, r.Actual!.Value, r.ReportedRate)).ToArray(),
            parts.Select(r => (r.Target!.Value, r.Actual!.Value, r.ReportedRate)).ToArray());
        foreach (var r in parts)
        {
            var actual = r.Evidence.Actual!.Value;
            Assert.Equal(r.Actual!.Text, text.Substring(actual.Start, actual.Length));
        }
    }

    [Fact]
    public void Parts_end_at_line_breaks_and_cover_the_text()
    {
        var text = Lines(600);
        var doc = new LoadedDocument { Name = "long", Text = text, EncodingName = "utf-16" };

        var chunks = ExtractionPipeline.Chunks(doc, ExtractionPipeline.MinChunkCharacters).ToArray();

        Assert.True(chunks.Length >= 2);
        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(text.Length, chunks[^1].End);
        for (var i = 1; i < chunks.Length; i++)
        {
            Assert.Equal(chunks[i - 1].End, chunks[i].Start);
            Assert.Equal('\n', text[chunks[i].Start - 1]);
        }
    }
}
