using GovTextExtract.Batch;
using GovTextExtract.Review;
using GovTextExtract.Tests.Cli;

namespace GovTextExtract.Tests.Review;

/// <summary><c>batch --review</c> on a small archive: failures listed, a changed file left without a page, the
/// review folder never read as input.</summary>
public sealed class BatchReviewTests
{
    [Fact]
    public void Failed_and_changed_documents_are_listed_without_a_page_and_the_review_folder_is_not_input()
    {
        var dir = Directory.CreateTempSubdirectory("govtext-review-small-").FullName;
        try
        {
            var archive = Directory.CreateDirectory(Path.Combine(dir, "archive")).FullName;
            File.Copy(ReviewCorpus.Raw("xianning-2019-completion.txt"), Path.Combine(archive, "circular.txt"));
            File.WriteAllText(Path.Combine(archive, "empty.txt"), "");
            var store = Path.Combine(dir, "store.sqlite");
            // The review folder inside the archive: a second run must not read its pages as documents.
            var pages = Path.Combine(archive, "review");
            var (code, _, err) = CliRun.Run("batch", archive, "--out", store, "--review", pages, "--progress", "none");
            Assert.Equal(1, code);
            Assert.Contains("1 page(s) of 2 document(s)", err);
            var index = File.ReadAllText(Path.Combine(pages, "index.html"));
            Assert.Contains("href=\"circular.txt.html\"", index);
            Assert.Contains("empty.txt</td><td data-v=\"failed\"", index);
            Assert.True(File.Exists(Path.Combine(pages, "circular.txt.html")));

            (code, _, err) = CliRun.Run("batch", archive, "--out", store, "--review", pages, "--progress", "none");
            Assert.Contains("batch: 2 documents", err);
            using (var opened = BatchStore.Open(store))
                Assert.Equal(["circular.txt", "empty.txt"], opened.ReadDocuments().Select(d => d.Key).Order(StringComparer.Ordinal));

            // The file changes after extraction: its page would mark the wrong text, so it gets none.
            File.AppendAllText(Path.Combine(archive, "circular.txt"), "\n附件：无");
            var again = Path.Combine(dir, "again");
            BatchReviewSummary summary;
            using (var opened = BatchStore.Open(store))
                summary = BatchReview.Write(opened, BatchInput.Open(archive), again);
            Assert.Equal(0, summary.Pages);
            Assert.Equal(2, summary.Documents);
            Assert.Contains(summary.Problems, p => p.StartsWith("circular.txt: the file changed", StringComparison.Ordinal));
            Assert.Equal(["index.html"], Directory.GetFiles(again).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
