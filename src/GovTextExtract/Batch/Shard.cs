using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovTextExtract.Batch;

/// <summary>One part of an archive split into <see cref="Count"/> parts: <c>--shard 2/4</c> is the second of four.</summary>
/// <remarks>A document belongs to the shard <c>1 + (first 8 bytes of SHA-256(UTF-8 key), big-endian) mod Count</c>.
/// The key is the document's path relative to the input root, so every machine that holds a copy of the archive,
/// wherever it is mounted, puts each document in the same shard, and the shards of one count cover every document
/// exactly once.</remarks>
/// <param name="Index">The shard, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">The number of shards, at least 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole archive: shard 1 of 1.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n.</summary>
    /// <exception cref="FormatException">The text is not of that form; the message says why.</exception>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new FormatException($"'{text}' is not a shard: write i/n, e.g. 1/4 for the first of four parts");
        if (count < 1 || index < 1 || index > count)
            throw new FormatException($"'{text}' is not a shard: i/n needs 1 <= i <= n (shards are numbered from 1)");
        return new Shard(index, count);
    }

    /// <summary>The shard (1 to <paramref name="count"/>) a key belongs to.</summary>
    public static int Of(string key, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key.Normalize(NormalizationForm.FormC)), hash);
        return 1 + (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>True when the document with this key belongs to this shard.</summary>
    public bool Contains(string key) => Count == 1 || Of(key, Count) == Index;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
