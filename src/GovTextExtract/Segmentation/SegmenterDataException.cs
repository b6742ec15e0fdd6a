namespace GovTextExtract.Segmentation;

/// <summary>The segmenter's dictionary files are missing or unreadable.</summary>
public sealed class SegmenterDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SegmenterDataException(string message, Exception? inner = null) : base(message, inner) { }
}
