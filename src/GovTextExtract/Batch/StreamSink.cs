using System.Text;
using GovTextExtract.Output;

namespace GovTextExtract.Batch;

/// <summary>The line formats a batch can stream.</summary>
public enum StreamFormat
{
    /// <summary>One JSON object per document (see <see cref="BatchExport"/>).</summary>
    JsonLines,
    /// <summary>One CSV row per record (see <see cref="BatchExport"/>).</summary>
    Csv,
}

/// <summary>A sink that writes each document to a text writer (e.g. standard output) as soon as it is done, in the
/// order documents finish. It keeps no state, so nothing is skipped and a stopped run cannot be resumed; each
/// document's lines are written and flushed together.</summary>
public sealed class StreamSink : IBatchSink
{
    private readonly TextWriter _writer;
    private readonly StreamFormat _format;
    private readonly RecordCsvWriter? _csv;
    private readonly MemoryStream _buffer = new();

    private readonly string _name;

    /// <summary>Creates a sink that writes to standard output.</summary>
    public StreamSink(TextWriter writer, StreamFormat format) : this(writer, format, "standard output")
    {
    }

    /// <summary>Creates a sink.</summary>
    /// <param name="writer">Where documents go.</param>
    /// <param name="format">JSON Lines or CSV.</param>
    /// <param name="name">What the writer writes to, for messages (<c>standard output</c>, <c>/dev/full</c>).</param>
    public StreamSink(TextWriter writer, StreamFormat format, string name)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _name = name ?? throw new ArgumentNullException(nameof(name));
        _format = format;
        if (format == StreamFormat.Csv)
        {
            _csv = new RecordCsvWriter(writer, "document");
            try
            {
                _csv.WriteHeader();
                writer.Flush();
            }
            catch (IOException e)
            {
                throw new BatchStoreException(_name, "cannot write: " + e.Message, e);
            }
        }
    }

    /// <inheritdoc/>
    public IBatchDoneIndex OpenIndex() => NoDoneIndex.Instance;

    /// <inheritdoc/>
    public void Write(BatchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            if (_format == StreamFormat.JsonLines)
            {
                _buffer.SetLength(0);
                BatchExport.WriteJsonLine(document, _buffer);
                _writer.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
            }
            else
            {
                foreach (var record in document.Records)
                    _csv!.Write(record, document.Key);
            }
            _writer.Flush();
        }
        catch (IOException e)
        {
            throw new BatchStoreException(_name, "cannot write: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _buffer.Dispose();
}
