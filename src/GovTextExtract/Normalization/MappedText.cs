namespace GovTextExtract.Normalization;

/// <summary>A text between normalisation steps: its characters, and for each the offset of the original character it
/// came from. Steps only replace characters one for one or drop them, so the map stays monotone.</summary>
internal sealed class MappedText
{
    /// <summary>Creates a mapped text; <paramref name="map"/> has one entry per character of <paramref name="text"/>
    /// and a last one for the end (the original's length).</summary>
    public MappedText(string text, int[] map)
    {
        if (map.Length != text.Length + 1) throw new ArgumentException("the map needs one entry per character and one for the end", nameof(map));
        Text = text;
        Map = map;
    }

    public string Text { get; }

    public int[] Map { get; }

    /// <summary>The text with the characters at the marked positions dropped; the others keep their offsets.</summary>
    public MappedText Drop(bool[] drop)
    {
        var chars = new char[Text.Length];
        var map = new int[Text.Length + 1];
        var n = 0;
        for (var i = 0; i < Text.Length; i++)
        {
            if (drop[i]) continue;
            chars[n] = Text[i];
            map[n++] = Map[i];
        }
        map[n] = Map[^1];
        return new MappedText(new string(chars, 0, n), map[..(n + 1)]);
    }

    /// <summary>The same offsets over a text of equal length whose characters were replaced one for one.</summary>
    public MappedText WithText(string replaced)
    {
        if (replaced.Length != Text.Length) throw new ArgumentException("a replacement must keep the length", nameof(replaced));
        return ReferenceEquals(replaced, Text) ? this : new MappedText(replaced, Map);
    }
}
