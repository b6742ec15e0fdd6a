namespace GovTextExtract.Roles;

/// <summary>Character n-grams hashed into a fixed number of feature slots (FNV-1a, stable across runs and
/// machines), so that a classifier reads the words right beside a figure without a vocabulary file.</summary>
internal static class FeatureHashing
{
    /// <summary>Sets to 1 the slot of each n-gram (n = 1..<paramref name="maxN"/>) that ends at the end of
    /// <paramref name="left"/> (the words just before a figure) within <paramref name="into"/>.</summary>
    public static void MarkSuffixes(ReadOnlySpan<char> left, int maxN, Span<float> into, uint salt)
    {
        for (var n = 1; n <= maxN && n <= left.Length; n++)
            into[Slot(left[^n..], (uint)n + salt, into.Length)] = 1;
    }

    /// <summary>Sets to 1 the slot of each n-gram that starts at the start of <paramref name="right"/>.</summary>
    public static void MarkPrefixes(ReadOnlySpan<char> right, int maxN, Span<float> into, uint salt)
    {
        for (var n = 1; n <= maxN && n <= right.Length; n++)
            into[Slot(right[..n], (uint)n + salt, into.Length)] = 1;
    }

    private static int Slot(ReadOnlySpan<char> gram, uint salt, int slots)
    {
        var h = 2166136261u ^ salt;
        foreach (var c in gram)
        {
            h ^= c;
            h *= 16777619u;
        }
        return (int)(h % (uint)slots);
    }
}
