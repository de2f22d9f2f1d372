using Salam.Domain.Reports;
using Salam.Domain.Shifts;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Volunteers' attended minutes, counted where the volunteer lives (their neighbourhood), whichever centre ran the shift, and
/// by the shift's skill (key 0: a shift open to any skill). Only recorded attendance counts; a no-show has 0 minutes.
/// </summary>
internal sealed partial class RollupSql
{
    private static readonly string Attended = Value(Attendance.Attended);

    /// <summary>The minutes the neighbourhood's volunteers attended (vm), joined to the neighbourhood n.</summary>
    private string NeighbourhoodVolunteerMinutes => $"""
        LEFT JOIN (SELECT vo."NeighbourhoodId" AS nid, SUM(bk."Minutes") AS minutes
            FROM "ShiftBookings" bk JOIN "Volunteers" vo ON vo."Id" = bk."VolunteerId"
            WHERE bk."Attendance" = {Attended} AND {InNeighbourhoods("vo.\"NeighbourhoodId\"")} GROUP BY vo."NeighbourhoodId") vm ON vm.nid = n."Id"
        """;

    private string MinutesBySkill => $"""
        SELECT vo."NeighbourhoodId" AS nid, {Value(BreakdownKind.VolunteerMinutesSkill)} AS kind, sh."Skill" AS k, SUM(bk."Minutes") AS v
        FROM "ShiftBookings" bk JOIN "Shifts" sh ON sh."Id" = bk."ShiftId" JOIN "Volunteers" vo ON vo."Id" = bk."VolunteerId"
        WHERE bk."Attendance" = {Attended} AND {InNeighbourhoods("vo.\"NeighbourhoodId\"")} GROUP BY vo."NeighbourhoodId", sh."Skill"
        """;
}
