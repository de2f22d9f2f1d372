namespace Salam.Count.Files;

/// <summary>
/// Ids in the order a reader expects: numbers by value (2 before 10), and digit runs inside text the same way (c2 before
/// c10); otherwise ordinal. Equal under that order (007 and 7) falls back to ordinal, so the order is total.
/// </summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (a, nextI) = DigitRun(x, i);
                var (b, nextJ) = DigitRun(y, j);
                var byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byValue != 0) return byValue;
                (i, j) = (nextI, nextJ);
            }
            else
            {
                if (x[i] != y[j]) return x[i].CompareTo(y[j]);
                i++;
                j++;
            }
        }
        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>The digits from <paramref name="start"/> without leading zeros, and where the run ends.</summary>
    private static (string Digits, int End) DigitRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        var digits = text[start..end].TrimStart('0');
        return (digits, end);
    }
}
