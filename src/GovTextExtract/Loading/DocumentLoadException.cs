namespace GovTextExtract.Loading;

/// <summary>Why a document could not be loaded.</summary>
public enum LoadFailure
{
    /// <summary>The file does not exist.</summary>
    NotFound,
    /// <summary>The file exists but could not be read (permissions, I/O error).</summary>
    Unreadable,
    /// <summary>The file holds no text (nothing but whitespace, or an HTML page or Word document with no text).</summary>
    Empty,
    /// <summary>The file is larger than <see cref="LoadOptions.MaxFileBytes"/>.</summary>
    TooLarge,
    /// <summary>The bytes are not text in any supported encoding (binary junk).</summary>
    NotText,
    /// <summary>The file's format is damaged or not supported.</summary>
    Corrupt,
    /// <summary>Loading took longer than <see cref="LoadOptions.TimeBudget"/>.</summary>
    Timeout,
    /// <summary>The document is encrypted (a PDF that needs a password).</summary>
    Encrypted,
    /// <summary>The document has pages but no extractable text on any of them (a scanned PDF without a text layer).</summary>
    NoText,
    /// <summary>A compressed container (DOCX) expands past <see cref="LoadOptions.MaxDecompressedBytes"/> or holds more
    /// than <see cref="LoadOptions.MaxZipEntries"/> entries.</summary>
    ZipBomb,
    /// <summary>The path names a FIFO, a device or a socket, not a regular file; it is refused by its type before
    /// anything is read (reading it could wait for ever or never end).</summary>
    NotRegularFile,
}

/// <summary>A document could not be loaded; names the file and the problem.</summary>
public sealed class DocumentLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DocumentLoadException(string source, LoadFailure failure, string message, Exception? inner = null)
        : base($"{source}: {message}", inner)
    {
        SourceName = source;
        Failure = failure;
    }

    /// <summary>The file path or stream name that failed.</summary>
    public string SourceName { get; }

    /// <summary>The kind of failure.</summary>
    public LoadFailure Failure { get; }
}
