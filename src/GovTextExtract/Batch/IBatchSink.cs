namespace GovTextExtract.Batch;

/// <summary>Where a batch puts its outcomes, and what it remembers of earlier runs.</summary>
/// <remarks><see cref="Write"/> is called from one thread at a time, in the order documents finish;
/// <see cref="OpenIndex"/> is called once per worker, and each index is used by one thread at a time.</remarks>
public interface IBatchSink : IDisposable
{
    /// <summary>Opens a view of the documents already done, for one worker.</summary>
    IBatchDoneIndex OpenIndex();

    /// <summary>Stores the outcome of one document, durably before returning: a document is written whole or not at
    /// all, and writing a key again replaces it.</summary>
    /// <exception cref="BatchStoreException">The output cannot be written.</exception>
    void Write(BatchDocument document);
}

/// <summary>Tells whether a document is already done.</summary>
public interface IBatchDoneIndex : IDisposable
{
    /// <summary>True when the document with this key and content was extracted by an earlier run (status ok).</summary>
    bool IsDone(string key, string sha256);
}

/// <summary>An index that knows of no earlier run.</summary>
public sealed class NoDoneIndex : IBatchDoneIndex
{
    /// <summary>The one instance.</summary>
    public static NoDoneIndex Instance { get; } = new();

    private NoDoneIndex()
    {
    }

    /// <inheritdoc/>
    public bool IsDone(string key, string sha256) => false;

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}

/// <summary>The output of a batch cannot be written or read; names the file and the problem.</summary>
public sealed class BatchStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchStoreException(string path, string problem, Exception? inner = null) : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What went wrong.</summary>
    public string Problem { get; }
}
