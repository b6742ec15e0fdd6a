using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Loads documents from files, streams or bytes into decoded text.</summary>
/// <remarks>Plain text: a BOM (UTF-8, UTF-16, UTF-32) wins; else strict UTF-8; else GB18030 (a superset of GBK and
/// GB2312). Bytes that decode to mostly control characters are rejected as binary.</remarks>
public static class DocumentLoader
{
    static DocumentLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Loads a file.</summary>
    /// <exception cref="DocumentLoadException">The file is missing, unreadable, empty, too large or not text.</exception>
    public static LoadedDocument Load(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoadOptions.Default;
        var name = System.IO.Path.GetFileName(path);
        if (Directory.Exists(path))
            throw new DocumentLoadException(path, LoadFailure.Unreadable, "is a directory, not a file");
        if (!File.Exists(path))
            throw new DocumentLoadException(path, LoadFailure.NotFound, "file not found");
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxFileBytes)
                throw new DocumentLoadException(path, LoadFailure.TooLarge,
                    $"file is {info.Length} bytes, more than the limit of {options.MaxFileBytes}");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentLoadException(path, LoadFailure.Unreadable, "cannot be read: " + e.Message, e);
        }
        return FromBytes(bytes, path, options) with { Name = name, Path = System.IO.Path.GetFullPath(path) };
    }

    /// <summary>Loads a document from a stream, reading at most <see cref="LoadOptions.MaxFileBytes"/>.</summary>
    public static LoadedDocument Load(Stream stream, string name, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= LoadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
                throw new DocumentLoadException(name, LoadFailure.TooLarge,
                    $"stream is larger than the limit of {options.MaxFileBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return FromBytes(buffer.ToArray(), name, options);
    }

    /// <summary>Decodes the bytes of a plain-text document.</summary>
    public static LoadedDocument FromBytes(byte[] bytes, string name, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        options ??= LoadOptions.Default;
        if (bytes.LongLength > options.MaxFileBytes)
            throw new DocumentLoadException(name, LoadFailure.TooLarge,
                $"document is {bytes.LongLength} bytes, more than the limit of {options.MaxFileBytes}");
        var (text, encoding) = TextDecoder.Decode(bytes, options.Encoding);
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentLoadException(name, LoadFailure.Empty, "the document holds no text");
        if (TextDecoder.LooksBinary(text))
            throw new DocumentLoadException(name, LoadFailure.NotText,
                "the bytes are not text in UTF-8, UTF-16 or GB18030 (binary data?)");
        return new LoadedDocument { Name = System.IO.Path.GetFileName(name), Text = text, EncodingName = encoding };
    }
}
