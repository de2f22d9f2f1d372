using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using static System.FormattableString;

namespace Salam.Domain.Rounds.Counting.Files;

/// <summary>What a round's published ballot file is written from: no resident identity, only rankings.</summary>
/// <param name="Needs">The ballot's needs, earliest approved first: in a .soi file, need i of this list is alternative i.</param>
public sealed record BallotFileRound(int RoundId, string Title, DateTimeOffset ClosedAt, CountingMethod Method, int MaxRanks, long? Budget,
    IReadOnlyList<BallotFileNeed> Needs, IReadOnlyList<IReadOnlyList<int>> Rankings);

public sealed record BallotFileNeed(int NeedId, string Title, long? Cost);

/// <summary>A written ballot file and its SHA-256, the figure the count record freezes.</summary>
public sealed record BallotFile(string FileName, string MediaType, byte[] Content)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>
/// Writes a round's ballots in the formats tools/Salam.Count reads: PrefLib .soi for the ranked methods, Pabulib .pb for
/// equal shares. The file is canonical, the same bytes from the same ballots: rows are sorted by their content, which
/// drops any trace of who voted when as thoroughly as a shuffle and lets anyone recompute the hash from the ballots.
/// </summary>
public static class BallotFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static BallotFile Write(BallotFileRound round) =>
        round.Method == CountingMethod.EqualShares ? WritePabulib(round) : WritePrefLib(round);

    /// <summary>A need's alternative number in the round's .soi file (1-based, approval order).</summary>
    public static int AlternativeNumber(BallotFileRound round, int needId) =>
        round.Needs.Select((n, i) => (n.NeedId, Number: i + 1)).Single(n => n.NeedId == needId).Number;

    private static BallotFile WritePrefLib(BallotFileRound round)
    {
        var numbers = round.Needs.Select((n, i) => (n.NeedId, Number: i + 1)).ToDictionary(n => n.NeedId, n => n.Number);
        var orders = round.Rankings
            .Select(r => string.Join(',', r.Select(id => numbers[id].ToString(CultureInfo.InvariantCulture))))
            .GroupBy(order => order, StringComparer.Ordinal)
            .Select(g => (Order: g.Key, Count: g.Count()))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Order, StringComparer.Ordinal)
            .ToList();

        var text = new StringBuilder();
        Line(text, Invariant($"# FILE NAME: {FileNameOf(round.RoundId, round.Method)}"));
        Line(text, Invariant($"# TITLE: {OneLine(round.Title)}"));
        Line(text, Invariant($"# DESCRIPTION: Salam priority round {round.RoundId}, method {round.Method}, up to {round.MaxRanks} ranks"));
        Line(text, "# DATA TYPE: soi");
        Line(text, "# MODIFICATION TYPE: original");
        // PrefLib's specification makes every header line mandatory, empty or not.
        Line(text, "# RELATES TO: ");
        Line(text, "# RELATED FILES: ");
        Line(text, Invariant($"# PUBLICATION DATE: {round.ClosedAt.UtcDateTime:yyyy-MM-dd}"));
        Line(text, Invariant($"# MODIFICATION DATE: {round.ClosedAt.UtcDateTime:yyyy-MM-dd}"));
        Line(text, Invariant($"# NUMBER ALTERNATIVES: {round.Needs.Count}"));
        Line(text, Invariant($"# NUMBER VOTERS: {round.Rankings.Count}"));
        Line(text, Invariant($"# NUMBER UNIQUE ORDERS: {orders.Count}"));
        for (var i = 0; i < round.Needs.Count; i++) Line(text, Invariant($"# ALTERNATIVE NAME {i + 1}: {OneLine(round.Needs[i].Title)}"));
        foreach (var (order, count) in orders) Line(text, Invariant($"{count}: {order}"));
        return new BallotFile(FileNameOf(round.RoundId, round.Method), "text/plain; charset=utf-8", Utf8.GetBytes(text.ToString()));
    }

    private static BallotFile WritePabulib(BallotFileRound round)
    {
        var votes = round.Rankings
            .Select(r => string.Join(',', r.Select(id => id.ToString(CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var supporters = round.Rankings.SelectMany(r => r).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        var text = new StringBuilder();
        Line(text, "META");
        Line(text, "key;value");
        Line(text, Invariant($"description;{Field(round.Title)}"));
        Line(text, "country;Iran");
        Line(text, Invariant($"instance;salam-round-{round.RoundId}"));
        Line(text, Invariant($"num_projects;{round.Needs.Count}"));
        Line(text, Invariant($"num_votes;{round.Rankings.Count}"));
        Line(text, Invariant($"budget;{round.Budget?.ToString(CultureInfo.InvariantCulture) ?? "0"}"));
        Line(text, "vote_type;ordinal");
        Line(text, "rule;equalshares");
        Line(text, "currency;IRR");
        Line(text, Invariant($"date_end;{round.ClosedAt.UtcDateTime:dd.MM.yyyy}"));
        Line(text, "min_length;1");
        Line(text, Invariant($"max_length;{round.MaxRanks}"));
        Line(text, "PROJECTS");
        Line(text, "project_id;cost;votes;name");
        foreach (var need in round.Needs.OrderBy(n => n.NeedId))
            Line(text, Invariant($"{need.NeedId};{need.Cost?.ToString(CultureInfo.InvariantCulture) ?? "0"};{supporters.GetValueOrDefault(need.NeedId)};{Field(need.Title)}"));
        Line(text, "VOTES");
        Line(text, "voter_id;vote");
        for (var i = 0; i < votes.Count; i++) Line(text, Invariant($"{i + 1};{votes[i]}"));
        return new BallotFile(FileNameOf(round.RoundId, round.Method), "text/plain; charset=utf-8", Utf8.GetBytes(text.ToString()));
    }

    /// <summary>The name a round's ballot file is written and offered under: .pb for equal shares, .soi for the ranked methods.</summary>
    public static string FileNameOf(int roundId, CountingMethod method) =>
        Invariant($"salam-round-{roundId}.{(method == CountingMethod.EqualShares ? "pb" : "soi")}");

    // LF endings on every machine and invariant formatting (callers pass Invariant($"…")) whatever the request's culture: a
    // Persian request would write dates in the Persian calendar, so the close and a recount would hash different bytes.
    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>A .pb field: quoted (CSV style, quotes doubled) when it holds the separator or a quote.</summary>
    private static string Field(string value)
    {
        var line = OneLine(value);
        return line.IndexOfAny([';', '"']) < 0 ? line : $"\"{line.Replace("\"", "\"\"")}\"";
    }
}
