using System.Globalization;

namespace Salam.Count.Files;

/// <summary>The two PrefLib layouts, sharing the parser of one order line.</summary>
internal static class PrefLibOrders
{
    private static readonly string[] Types = ["soi", "toi", "soc", "toc"];

    public static ElectionFile ReadCurrent(string[] lines, string extensionType)
    {
        var meta = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<int, string>();
        var orders = new List<(int Line, string Count, string Order)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                if (orders.Count > 0) throw new BallotFileException(i + 1, "a metadata line after the orders");
                var colon = line.IndexOf(':');
                if (colon < 0) continue; // a bare comment
                var key = line[1..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (key.StartsWith("ALTERNATIVE NAME ", StringComparison.OrdinalIgnoreCase))
                {
                    var number = Number(key["ALTERNATIVE NAME ".Length..], i + 1, "alternative number");
                    if (!names.TryAdd(number, value)) throw new BallotFileException(i + 1, $"alternative {number} is named twice");
                }
                else if (!meta.TryAdd(key, (value, i + 1))) throw new BallotFileException(i + 1, $"'{key}' is given twice");
                continue;
            }
            var separator = line.IndexOf(':');
            if (separator < 0) throw new BallotFileException(i + 1, "expected 'count: order', for example '3: 1,2,4'");
            orders.Add((i + 1, line[..separator], line[(separator + 1)..]));
        }

        var type = meta.TryGetValue("DATA TYPE", out var dataType) ? dataType.Value.ToLowerInvariant() : extensionType;
        if (!Types.Contains(type))
            throw new BallotFileException(dataType.Line == 0 ? 1 : dataType.Line, $"data type '{type}' is not an ordinal PrefLib type (soi, toi, soc, toc)");
        int alternatives;
        if (meta.TryGetValue("NUMBER ALTERNATIVES", out var declared)) alternatives = Number(declared.Value, declared.Line, "NUMBER ALTERNATIVES");
        else if (names.Count > 0) alternatives = names.Keys.Max();
        else throw new BallotFileException(1, "no '# NUMBER ALTERNATIVES:' line and no alternative names");
        foreach (var (number, _) in names.Where(n => n.Key > alternatives))
            throw new BallotFileException(meta["NUMBER ALTERNATIVES"].Line, $"alternative {number} is named but the file has {alternatives} alternatives");

        var ballots = ReadOrders(orders, alternatives, type);
        Check(meta, "NUMBER VOTERS", ballots.Count);
        Check(meta, "NUMBER UNIQUE ORDERS", orders.Count);
        return Election(alternatives, names, ballots);
    }

    /// <summary>The layout before 2022: m, m lines "i,name", "voters,sum of counts,unique orders", then "count,order".</summary>
    public static ElectionFile ReadOld(string[] lines, int first, string extensionType)
    {
        var content = Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim().Length > 0).ToList();
        var alternatives = Number(lines[first].Trim(), first + 1, "number of alternatives");
        if (content.Count < alternatives + 2) throw new BallotFileException(lines.Length, "the file ends before its orders");
        var names = new Dictionary<int, string>();
        foreach (var i in content.Skip(1).Take(alternatives))
        {
            var parts = lines[i].Split(',', 2);
            var number = Number(parts[0], i + 1, "alternative number");
            if (number < 1 || number > alternatives || !names.TryAdd(number, parts.Length > 1 ? parts[1].Trim() : ""))
                throw new BallotFileException(i + 1, $"expected 'i,name' for alternatives 1 to {alternatives}");
        }
        var totalsLine = content[alternatives + 1];
        var totals = lines[totalsLine].Split(',');
        if (totals.Length != 3) throw new BallotFileException(totalsLine + 1, "expected 'voters,sum of counts,unique orders'");
        var orders = content.Skip(alternatives + 2)
            .Select(i => (Line: i + 1, Parts: lines[i].Split(',', 2)))
            .Select(o => (o.Line, Count: o.Parts[0], Order: o.Parts.Length > 1 ? o.Parts[1] : ""))
            .ToList();
        var type = Types.Contains(extensionType) ? extensionType : "toi";
        var ballots = ReadOrders(orders, alternatives, type);
        if (Number(totals[1], totalsLine + 1, "sum of counts") != ballots.Count || Number(totals[2], totalsLine + 1, "unique orders") != orders.Count)
            throw new BallotFileException(totalsLine + 1, $"the totals do not match the {orders.Count} orders of {ballots.Count} voters below");
        return Election(alternatives, names, ballots);
    }

    private static List<FileBallot> ReadOrders(List<(int Line, string Count, string Order)> orders, int alternatives, string type)
    {
        var ties = type is "toi" or "toc";
        var ballots = new List<FileBallot>();
        foreach (var (line, countText, orderText) in orders)
        {
            var count = Number(countText, line, "count");
            if (count < 1) throw new BallotFileException(line, "the count must be at least 1");
            var ballot = new FileBallot(Order(orderText, line, alternatives, ties));
            ballots.AddRange(Enumerable.Repeat(ballot, count));
        }
        return ballots;
    }

    /// <summary>One order: alternatives separated by commas, a tied group in braces (<c>1,{2,3},4</c>).</summary>
    private static List<IReadOnlyList<string>> Order(string text, int line, int alternatives, bool ties)
    {
        var groups = new List<IReadOnlyList<string>>();
        var seen = new HashSet<int>();
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            string item;
            if (rest[0] == '{')
            {
                if (!ties) throw new BallotFileException(line, "a tie '{…}' in a strict-order file (use .toi for ties)");
                var close = rest.IndexOf('}');
                if (close < 0) throw new BallotFileException(line, "a '{' without its '}'");
                item = rest[1..close];
                rest = rest[(close + 1)..].TrimStart();
                if (item.Contains('{')) throw new BallotFileException(line, "a '{' inside braces");
            }
            else
            {
                var comma = rest.IndexOf(',');
                item = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? "" : rest[comma..];
                if (item.Contains('}')) throw new BallotFileException(line, "a '}' without its '{'");
            }
            var group = item.Split(',').Select(part => Alternative(part, line, alternatives, seen)).ToList();
            groups.Add(group);
            if (rest.Length == 0) break;
            if (rest[0] != ',') throw new BallotFileException(line, "expected ',' between alternatives");
            rest = rest[1..].TrimStart();
            if (rest.Length == 0) throw new BallotFileException(line, "the order ends with ','");
        }
        return groups;
    }

    private static string Alternative(string text, int line, int alternatives, HashSet<int> seen)
    {
        var number = Number(text, line, "alternative");
        if (number < 1 || number > alternatives) throw new BallotFileException(line, $"alternative {number} is not between 1 and {alternatives}");
        if (!seen.Add(number)) throw new BallotFileException(line, $"alternative {number} appears twice in one order");
        return number.ToString(CultureInfo.InvariantCulture);
    }

    private static int Number(string text, int line, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BallotFileException(line, $"'{text.Trim()}' is not a whole number ({what})");

    private static void Check(Dictionary<string, (string Value, int Line)> meta, string key, int actual)
    {
        if (meta.TryGetValue(key, out var declared) && Number(declared.Value, declared.Line, key) != actual)
            throw new BallotFileException(declared.Line, $"{key} says {declared.Value} but the file holds {actual}");
    }

    private static ElectionFile Election(int alternatives, Dictionary<int, string> names, List<FileBallot> ballots) =>
        new(Enumerable.Range(1, alternatives)
                .Select(i => new FileAlternative(i.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(i, i.ToString(CultureInfo.InvariantCulture))))
                .ToList(),
            ballots, Budget: null, Ranked: true);
}
