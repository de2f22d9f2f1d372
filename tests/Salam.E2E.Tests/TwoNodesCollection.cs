namespace Salam.E2E.Tests;

/// <summary>The two-node tests share one PostgreSQL template and run one after another (each starts two app processes).</summary>
[CollectionDefinition(Name)]
public sealed class TwoNodesCollection : ICollectionFixture<TwoNodesCluster>
{
    public const string Name = "two nodes";
}

/// <summary>What the two-node tests read in the shared database, in its own SQL.</summary>
internal static class TwoNodesSql
{
    /// <summary>Confirmed residents of neighbourhoods with an open round, and that round: people who may vote now.</summary>
    public const string Voters = """
        SELECT DISTINCT ON (r."Mobile") r."Mobile", pr."Id" FROM "Residents" r
        JOIN "PriorityRounds" pr ON pr."NeighbourhoodId" = r."NeighbourhoodId" AND pr."Status" = 1
        WHERE r."Status" = 0 ORDER BY r."Mobile", pr."Id" LIMIT @n
        """;

    /// <summary>A resident's ballots in a round, each as "need:rank,need:rank" in rank order.</summary>
    public const string BallotsOf = """
        SELECT string_agg(e."NeedId" || ':' || e."Rank", ',' ORDER BY e."Rank") FROM "Ballots" b
        JOIN "Residents" r ON r."Id" = b."ResidentId" JOIN "BallotEntry" e ON e."BallotId" = b."Id"
        WHERE r."Mobile" = @mobile AND b."RoundId" = @round GROUP BY b."Id"
        """;

    /// <summary>The ballot form's fields giving ranks 1, 2… to the needs at these positions on the page.</summary>
    public static Dictionary<string, string> Ranks(params int[] positions) =>
        positions.Select((position, i) => (position, rank: i + 1)).ToDictionary(p => $"Input.Needs[{p.position}].Rank", p => p.rank.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>What a ballot posted with <see cref="Ranks"/> should store, in the form of <see cref="BallotsOf"/>.</summary>
    public static string Expected(IReadOnlyDictionary<string, string> posted, params int[] positions) =>
        string.Join(",", positions.Select((position, i) => $"{posted[$"Input.Needs[{position}].Id"]}:{i + 1}"));
}
