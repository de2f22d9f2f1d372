using Salam.Domain.Duties;
using Salam.Domain.Reports;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Residents' answers about completions, counted where the duty is. Of the duties marked Done, the latest completion is
/// confirmed once a resident answered yes or partly, unanswered while no resident answered; a Disputed duty counts as disputed.
/// (A Done duty answered only "no", fewer times than the threshold, is neither confirmed nor unanswered.)
/// </summary>
internal sealed partial class RollupSql
{
    private static readonly string Disputed = Value(DutyStatus.Disputed);
    private static readonly string Confirming = Values([CompletionAnswer.Yes, CompletionAnswer.Partly]);

    /// <summary>The neighbourhood's completion figures (cp), joined to the neighbourhood n.</summary>
    private string NeighbourhoodCompletions => $"""
        LEFT JOIN (SELECT cd."NeighbourhoodId" AS nid,
                SUM(CASE WHEN cd."Status" = {Done} AND EXISTS (SELECT 1 FROM "CompletionChecks" cc WHERE cc."DutyId" = cd."Id"
                    AND cc."CompletionRound" = cd."CompletionRound" AND cc."Answer" IN ({Confirming})) THEN 1 ELSE 0 END) AS confirmed,
                SUM(CASE WHEN cd."Status" = {Disputed} THEN 1 ELSE 0 END) AS disputed,
                SUM(CASE WHEN cd."Status" = {Done} AND NOT EXISTS (SELECT 1 FROM "CompletionChecks" cc WHERE cc."DutyId" = cd."Id"
                    AND cc."CompletionRound" = cd."CompletionRound") THEN 1 ELSE 0 END) AS unanswered
            FROM "Duties" cd WHERE cd."Status" IN ({Done}, {Disputed}) AND {InNeighbourhoods("cd.\"NeighbourhoodId\"")}
            GROUP BY cd."NeighbourhoodId") cp ON cp.nid = n."Id"
        """;

    /// <summary>Delivery by agency kind: duties done, and of them those done on time (the public pages' figure).</summary>
    private string DoneByAgencyKind(BreakdownKind kind, bool onTime) => $"""
        SELECT d."NeighbourhoodId" AS nid, {Value(kind)} AS kind, a."Kind" AS k, COUNT(*) AS v FROM "Duties" d JOIN "Agencies" a ON a."Id" = d."AgencyId"
        WHERE d."Status" = {Done} {(onTime ? $"AND d.\"CompletedOnTime\" = {dialect.True}" : "")} AND {InNeighbourhoods("d.\"NeighbourhoodId\"")}
        GROUP BY d."NeighbourhoodId", a."Kind"
        """;
}
