using System.Collections.Concurrent;
using GovTextExtract.Pairing.Features;
using GovTextExtract.Pairing.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GovTextExtract.Pairing.Scoring;

/// <summary>A trained pairing scorer: a FastTree binary classifier with a calibrator, over the features of
/// <c>PairFeatures</c>. The model trained by <c>govtext train</c> ships inside this library
/// (<see cref="Embedded"/>); another can be loaded from a file and set on <see cref="ExtractionOptions.PairingModel"/>.</summary>
/// <remarks>Thread-safe. The transformer is shared; ML.NET's prediction engine is not thread-safe, so each call
/// rents an engine from a pool and returns it, and as many engines exist as threads ever scored at once.</remarks>
public sealed class PairingModel
{
    /// <summary>The name of the embedded model resource.</summary>
    internal const string ResourceName = "GovTextExtract.Models.pairing.zip";

    private static readonly Lazy<PairingModel?> EmbeddedModel = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, ProbabilityRow>> _engines = [];

    internal PairingModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
    }

    /// <summary>The model embedded in this library, or null when the library was built without one (then the ML
    /// scorer falls back to the rules).</summary>
    public static PairingModel? Embedded => EmbeddedModel.Value;

    /// <summary>Loads a model saved by <see cref="Save(string)"/> (<c>govtext train --out</c>).</summary>
    /// <exception cref="PairingModelException">The file is missing, unreadable, not a model, or a model of other features.</exception>
    public static PairingModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PairingModelException(path, e is FileNotFoundException or DirectoryNotFoundException
                ? "file not found" : "cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Loads a model from a stream.</summary>
    /// <param name="stream">The model zip.</param>
    /// <param name="name">The name errors carry.</param>
    /// <exception cref="PairingModelException">The stream does not hold a pairing model of these features.</exception>
    public static PairingModel Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var ml = new MLContext(seed: PairingTrainer.Seed);
        ITransformer transformer;
        DataViewSchema schema;
        try
        {
            transformer = Learning.ModelFiles.Load(ml, stream, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PairingModelException(name, "not a pairing model: " + e.Message, e);
        }
        var column = schema.GetColumnOrNull(nameof(FeatureRow.Features));
        var size = (column?.Type as VectorDataViewType)?.Size;
        if (size != PairFeatures.Count)
            throw new PairingModelException(name,
                $"the model expects {size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} features, this library computes {PairFeatures.Count}: train it again (govtext train)");
        return new PairingModel(ml, transformer, schema);
    }

    /// <summary>Saves the model as a zip whose bytes depend only on the model (entries in a fixed order, fixed
    /// timestamps), so that training twice on the same data gives the same file.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var file = File.Create(path);
        Save(file);
    }

    /// <summary>Saves the model to a stream (see <see cref="Save(string)"/>).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Learning.ModelFiles.Save(_ml, _transformer, _inputSchema, stream);
    }

    /// <summary>The calibrated probability that the candidate with these features is the right pair.</summary>
    internal float Probability(float[] features)
    {
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityRow>(_transformer, _inputSchema);
        try
        {
            var p = engine.Predict(new FeatureRow { Features = features }).Probability;
            return float.IsNaN(p) ? 0f : p;
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static PairingModel? LoadEmbedded()
    {
        using var stream = typeof(PairingModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream, "embedded " + ResourceName);
    }
}

/// <summary>The input row of the classifier.</summary>
internal sealed class FeatureRow
{
    [VectorType(PairFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>The output row of the classifier.</summary>
internal sealed class ProbabilityRow
{
    public bool PredictedLabel { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }
}

/// <summary>A pairing model could not be loaded; names the file and the problem.</summary>
public sealed class PairingModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PairingModelException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        SourceName = source;
        Problem = problem;
    }

    /// <summary>The model file or resource.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
