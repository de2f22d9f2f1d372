using Microsoft.EntityFrameworkCore;
using Salam.Bench.Data;

namespace Salam.Bench.Rollups;

/// <summary>
/// The floor: the same figures by plain hand-written GROUP BY queries per neighbourhood, read by the client and summed
/// to counties, provinces and the nation in memory. No transaction, no snapshot rows written: the least work there is.
/// One SQL text for SQLite and PostgreSQL: conditional counts are <c>COUNT(*) FILTER (WHERE …)</c>, which both have
/// (a boolean's SUM is SQLite-only).
/// </summary>
internal static class Floor
{
    private static readonly string[] Queries =
    [
        """SELECT "NeighbourhoodId", COUNT(*) FROM "Residents" GROUP BY "NeighbourhoodId" """,
        """
        SELECT r."NeighbourhoodId", COUNT(*) FILTER (WHERE b."Channel" = 0), COUNT(*) FILTER (WHERE b."Channel" = 1), COUNT(DISTINCT b."ResidentId")
        FROM "Ballots" b JOIN "PriorityRounds" r ON r."Id" = b."RoundId" GROUP BY r."NeighbourhoodId"
        """,
        """SELECT "NeighbourhoodId", COUNT(*), COUNT(*) FILTER (WHERE "Status" = 1) FROM "Needs" GROUP BY "NeighbourhoodId" """,
        """
        SELECT "NeighbourhoodId", COUNT(*), COUNT(*) FILTER (WHERE "Status" = 3), COUNT(*) FILTER (WHERE "Status" = 3 AND "CompletedOnTime"),
            COUNT(*) FILTER (WHERE "OverdueSince" IS NOT NULL AND "Status" NOT IN (3, 4)) FROM "Duties" GROUP BY "NeighbourhoodId"
        """,
        """SELECT "NeighbourhoodId", COUNT(*) FROM "Volunteers" WHERE "Status" <> 3 GROUP BY "NeighbourhoodId" """,
        """
        SELECT r."NeighbourhoodId", n."Category", SUM(r."MaxRanks" + 1 - e."Rank")
        FROM "BallotEntry" e JOIN "Ballots" b ON b."Id" = e."BallotId" JOIN "PriorityRounds" r ON r."Id" = b."RoundId" JOIN "Needs" n ON n."Id" = e."NeedId"
        GROUP BY r."NeighbourhoodId", n."Category"
        """,
        """SELECT "NeighbourhoodId", "Status", COUNT(*) FROM "Duties" GROUP BY "NeighbourhoodId", "Status" """,
        """SELECT d."NeighbourhoodId", a."Kind", COUNT(*) FROM "Duties" d JOIN "Agencies" a ON a."Id" = d."AgencyId" GROUP BY d."NeighbourhoodId", a."Kind" """,
        """
        SELECT v."NeighbourhoodId", s.flag, COUNT(*) FROM "Volunteers" v
        JOIN (SELECT 1 AS flag UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32 UNION ALL SELECT 64
            UNION ALL SELECT 128 UNION ALL SELECT 256 UNION ALL SELECT 512 UNION ALL SELECT 1024 UNION ALL SELECT 2048 UNION ALL SELECT 4096
            UNION ALL SELECT 8192 UNION ALL SELECT 16384 UNION ALL SELECT 32768) s ON (v."Skills" & s.flag) <> 0
        WHERE v."Status" <> 3 GROUP BY v."NeighbourhoodId", s.flag
        """,
    ];

    public static async Task<long> RunAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var parents = new Dictionary<long, (long County, long Province)>();
        await using (var geography = connection.CreateCommand())
        {
            geography.CommandText = """SELECT n."Id", n."CountyId", c."ProvinceId" FROM "Neighbourhoods" n JOIN "Counties" c ON c."Id" = n."CountyId" """;
            await using var reader = await geography.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) parents[SqlDialect.Long(reader, 0)] = (SqlDialect.Long(reader, 1), SqlDialect.Long(reader, 2));
        }

        // Sums per (level, place, query, key, column): every figure of every level.
        var sums = new Dictionary<(int, long, int, long, int), long>();
        long rows = 0;
        for (var q = 0; q < Queries.Length; q++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Queries[q];
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var keyed = reader.FieldCount == 3 && q >= 5;
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                var place = SqlDialect.Long(reader, 0);
                var key = keyed ? SqlDialect.Long(reader, 1) : 0;
                var (county, province) = parents[place];
                for (var column = keyed ? 2 : 1; column < reader.FieldCount; column++)
                {
                    var value = SqlDialect.Long(reader, column);
                    foreach (var (level, id) in new[] { (0, place), (1, county), (2, province), (3, 0L) })
                        sums[(level, id, q, key, column)] = sums.GetValueOrDefault((level, id, q, key, column)) + value;
                }
            }
        }
        return rows;
    }
}
