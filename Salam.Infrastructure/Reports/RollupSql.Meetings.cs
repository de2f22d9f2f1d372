using Salam.Domain.Meetings;
using Salam.Domain.Reports;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Meetings held and the duties meetings decided. A meeting counts at its own level: a neighbourhood's in the neighbourhood,
/// a county's (no neighbourhood) on top of its neighbourhoods' sum, a province's (no county) on top of its counties'; the
/// nation is its provinces' sum. A decided duty counts where the duty is, like every duty.
/// </summary>
internal sealed partial class RollupSql
{
    /// <summary>A meeting counts as held once its attendance is recorded, and stays held when its minutes are published.</summary>
    private static readonly string Held = Values(Enum.GetValues<MeetingStatus>().Where(s => s >= MeetingStatus.Held));

    /// <summary>The neighbourhood's own meetings held (mt) and its duties that a decision created (dd), joined to the neighbourhood n.</summary>
    private string NeighbourhoodMeetings => $"""
        LEFT JOIN (SELECT "NeighbourhoodId" AS nid, COUNT(*) AS c FROM "Meetings"
            WHERE "Status" IN ({Held}) AND {InNeighbourhoods("\"NeighbourhoodId\"")} GROUP BY "NeighbourhoodId") mt ON mt.nid = n."Id"
        LEFT JOIN (SELECT du."NeighbourhoodId" AS nid, COUNT(*) AS total,
                SUM(CASE WHEN du."Status" = {Done} AND du."CompletedOnTime" = {dialect.True} THEN 1 ELSE 0 END) AS ontime
            FROM "Duties" du JOIN "MeetingDecisions" md ON md."DutyId" = du."Id"
            WHERE {InNeighbourhoods("du.\"NeighbourhoodId\"")} GROUP BY du."NeighbourhoodId") dd ON dd.nid = n."Id"
        """;

    /// <summary>
    /// A county's or a province's own meetings held, one row (om) per place, to join to the level's rows of <paramref name="parent"/>;
    /// none for the nation, which holds no meetings of its own.
    /// </summary>
    private string? OwnMeetings(RollupLevel level, string parent) => level switch
    {
        RollupLevel.County => $"""
            LEFT JOIN (SELECT "CountyId" AS sid, COUNT(*) AS c FROM "Meetings" WHERE "Status" IN ({Held}) AND "NeighbourhoodId" IS NULL
                AND "CountyId" IS NOT NULL AND {InCounties("\"CountyId\"")} GROUP BY "CountyId") om ON om.sid = {parent}
            """,
        RollupLevel.Province => $"""
            LEFT JOIN (SELECT "ProvinceId" AS sid, COUNT(*) AS c FROM "Meetings" WHERE "Status" IN ({Held}) AND "CountyId" IS NULL
                AND {InProvinces("\"ProvinceId\"")} GROUP BY "ProvinceId") om ON om.sid = {parent}
            """,
        _ => null,
    };
}
