using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GovTextExtract.Learning;

/// <summary>One training example: a feature vector and its label (a class index; for a binary model 0 or 1).</summary>
public readonly record struct LabelledRow(float[] Features, int Label);

/// <summary>A linear classifier over a fixed-length feature vector, trained with L-BFGS (maximum entropy for several
/// classes, logistic regression for two) on one thread with a fixed seed, so the same rows give the same model.</summary>
/// <remarks>Thread-safe: the transformer is shared and prediction engines (not thread-safe in ML.NET) are pooled, one
/// per thread that ever predicted at once.</remarks>
public sealed class LinearModel
{
    /// <summary>The seed every training uses.</summary>
    public const int Seed = 20261206;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;
    private readonly SchemaDefinition _input;
    private readonly ConcurrentBag<PredictionEngine<InputRow, BinaryOutput>> _binaryEngines = [];
    private readonly ConcurrentBag<PredictionEngine<InputRow, MulticlassOutput>> _multiclassEngines = [];

    private LinearModel(MLContext ml, ITransformer model, DataViewSchema schema, int features, int classes)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        FeatureCount = features;
        ClassCount = classes;
        _input = Definition(features, classes);
    }

    /// <summary>The length of the feature vector.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of classes (2 for a binary model).</summary>
    public int ClassCount { get; }

    /// <summary>Trains a model on <paramref name="rows"/>.</summary>
    /// <param name="rows">The examples; every label lies in 0..<paramref name="classes"/>-1.</param>
    /// <param name="features">The length of every feature vector.</param>
    /// <param name="classes">The number of classes; 2 trains a logistic regression.</param>
    /// <param name="l2">The L2 regularisation weight.</param>
    public static LinearModel Train(IReadOnlyList<LabelledRow> rows, int features, int classes, float l2 = 1f)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes));
        var ml = new MLContext(Seed) { GpuDeviceId = null };
        var def = Definition(features, classes);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new InputRow { Features = r.Features, Class = ClassLabel(r.Label), Flag = r.Label == 1 }), def);
        ITransformer model;
        if (classes == 2)
        {
            var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(InputRow.Flag),
                FeatureColumnName = nameof(InputRow.Features),
                L2Regularization = l2,
                L1Regularization = 0,
                NumberOfThreads = 1,
            });
            model = trainer.Fit(data);
        }
        else
        {
            // The class names c0..cN-1 become keys in that order (keyData), so the score slot of class k is k even
            // when a fold's training rows lack a class.
            var keys = ml.Data.LoadFromEnumerable(Enumerable.Range(0, classes).Select(k => new ClassName { Name = ClassLabel(k) }));
            var trainer = ml.Transforms.Conversion.MapValueToKey("Label", nameof(InputRow.Class), keyData: keys)
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "Label",
                    FeatureColumnName = nameof(InputRow.Features),
                    L2Regularization = l2,
                    L1Regularization = 0,
                    NumberOfThreads = 1,
                }));
            model = trainer.Fit(data);
        }
        return new LinearModel(ml, model, data.Schema, features, classes);
    }

    /// <summary>The probability of each class (for a binary model: [P(0), P(1)]).</summary>
    public float[] Probabilities(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != FeatureCount)
            throw new ArgumentException($"expected {FeatureCount} features, got {features.Length}", nameof(features));
        if (ClassCount == 2)
        {
            var p = Predict(_binaryEngines, features).Probability;
            p = float.IsNaN(p) ? 0f : p;
            return [1 - p, p];
        }
        var scores = Predict(_multiclassEngines, features).Score ?? [];
        var result = new float[ClassCount];
        for (var i = 0; i < ClassCount && i < scores.Length; i++) result[i] = float.IsNaN(scores[i]) ? 0f : scores[i];
        return result;
    }

    private TOut Predict<TOut>(ConcurrentBag<PredictionEngine<InputRow, TOut>> pool, float[] features) where TOut : class, new()
    {
        if (!pool.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<InputRow, TOut>(_model, inputSchemaDefinition: _input);
        try
        {
            return engine.Predict(new InputRow { Features = features });
        }
        finally
        {
            pool.Add(engine);
        }
    }

    /// <summary>Saves the model (deterministic bytes, see <see cref="ModelFiles"/>).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFiles.Save(_ml, _model, _schema, stream);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream holds no model of that shape.</exception>
    public static LinearModel Load(Stream stream, string name, int features, int classes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = new MLContext(Seed);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = ModelFiles.Load(ml, stream, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{name}: not a model: {e.Message}", e);
        }
        var size = (schema.GetColumnOrNull(nameof(InputRow.Features))?.Type as VectorDataViewType)?.Size;
        if (size != features)
            throw new InvalidDataException($"{name}: the model reads {size} features, this library computes {features}: train it again (govtext train)");
        return new LinearModel(ml, model, schema, features, classes);
    }

    private static SchemaDefinition Definition(int features, int classes)
    {
        var def = SchemaDefinition.Create(typeof(InputRow));
        def[nameof(InputRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return def;
    }

    private sealed class InputRow
    {
        public float[] Features { get; set; } = [];

        public string Class { get; set; } = "";

        public bool Flag { get; set; }
    }

    private sealed class ClassName
    {
        public string Name { get; set; } = "";
    }

    private static string ClassLabel(int k) => "c" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class BinaryOutput
    {
        public float Probability { get; set; }
    }

    private sealed class MulticlassOutput
    {
        public float[]? Score { get; set; }
    }
}
