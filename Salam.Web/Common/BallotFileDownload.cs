using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Rounds.Queries.GetRoundBallotFile;

namespace Salam.Web.Common;

/// <summary>
/// A published round's anonymised ballots as a file (PrefLib .soi or Pabulib .pb) whose SHA-256 is the count record's.
/// The query decides who may have it (scope, roles, publication, the privacy floor); this only turns its answer into HTTP.
/// </summary>
public static class BallotFileDownload
{
    public static string Url(int roundId) => $"/rounds/{roundId}/ballots";

    public static void MapBallotFileDownload(this WebApplication app) =>
        app.MapGet("/rounds/{roundId:int}/ballots", async (int roundId, ISender sender, CancellationToken cancellationToken) =>
            {
                try
                {
                    var file = await sender.Send(new GetRoundBallotFile(roundId), cancellationToken);
                    return Results.File(file.Content, file.MediaType, file.FileName);
                }
                catch (NotFoundException missing)
                {
                    return Results.Problem(missing.Message, statusCode: StatusCodes.Status404NotFound);
                }
                catch (ForbiddenException refused)
                {
                    return Results.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden);
                }
                catch (RequestRefusedException refused)
                {
                    return Results.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            })
            .RequireAuthorization()
            .WithSecurityHeadersPolicy(SecurityHeaders.Export);
}
