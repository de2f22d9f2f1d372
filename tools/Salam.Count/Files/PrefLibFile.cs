namespace Salam.Count.Files;

/// <summary>
/// Reads PrefLib ordinal files (.soi, .toi, .soc, .toc). The 2022 format: <c># KEY: value</c> metadata, <c># ALTERNATIVE NAME
/// i: …</c>, then <c>count: 1,2,{3,4},5</c> lines, braces being ties (only in .toi/.toc). The older layout (alternatives,
/// then a totals line, then <c>count,1,2,…</c> lines) is read too. Each line of count n is n voters.
/// </summary>
public static class PrefLibFile
{
    public static readonly string[] Extensions = [".soi", ".toi", ".soc", ".toc"];

    public static ElectionFile Read(byte[] content, string fileName) => Read(TextLines.Decode(content), fileName);

    public static ElectionFile Read(string text, string fileName)
    {
        var lines = TextLines.Split(text);
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0) throw new BallotFileException(1, "the file is empty");
        var extensionType = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        return lines[first].TrimStart().StartsWith('#')
            ? PrefLibOrders.ReadCurrent(lines, extensionType)
            : PrefLibOrders.ReadOld(lines, first, extensionType);
    }
}
