using GovTextExtract.Evaluation;
using GovTextExtract.Tests.CrossYear;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Pairing.Ml;

public class CrossValidationTests
{
    private static string[] Raw => [Path.Combine(GoldFileTests.RepoRoot(), "corpus"), Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw")];

    [Fact]
    public void A_gold_file_that_reads_the_held_out_document_is_left_out_of_training()
    {
        // hailar-2015.txt is the actual side of the pair and the whole of the targets-only file: each fold has no
        // training file left, so it reports that instead of training on the held-out text.
        var pair = GoldFile.Load(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold", "hailar-2014__hailar-2015.json"));
        var targets = GoldFile.Load(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold-extra", "hailar-2015.json"));

        var folds = CrossValidation.LeaveOneDocumentOut([pair, targets], Raw, maxParallelism: 1);

        Assert.Equal(2, folds.Count);
        Assert.All(folds, f => Assert.Equal(0, f.TrainedOn));
        Assert.All(folds, f => Assert.Contains("right and wrong", f.Error, StringComparison.Ordinal));
        // The rules are still scored: hailar 2014's ten main targets (the gold's ten required records).
        Assert.Equal(10, folds[0].Rules.Gold);
    }

    [Fact]
    public void Each_fold_scores_its_file_with_a_model_trained_on_the_other()
    {
        var circular = GoldFile.Load(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold", "xianning-2019-completion.json"));
        var pair = GoldFile.Load(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold", "hailar-2012__hailar-2013.json"));

        var folds = CrossValidation.LeaveOneDocumentOut([circular, pair], Raw, maxParallelism: 1);

        Assert.All(folds, f => Assert.Null(f.Error));
        Assert.All(folds, f => Assert.Equal(1, f.TrainedOn));
        // Both scorers are judged on the same gold records.
        Assert.All(folds, f => Assert.Equal(f.Rules.Gold, f.Ml.Gold));
        Assert.Equal(49, folds[0].Rules.Gold);
        Assert.Equal(12, folds[1].Rules.Gold);
    }
}
