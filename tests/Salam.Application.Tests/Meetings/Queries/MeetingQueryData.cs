using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Time;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>Demo places and agencies the meeting query tests name, and the figures they check against, read straight from the database.</summary>
internal static class MeetingQueryData
{
    public static Task<int> AgencyAsync(this TestApp app, string nameEn) => app.ReadAsync(db => db.Agencies.Where(a => a.NameEn == nameEn).Select(a => a.Id).SingleAsync());

    public static Task<int> CountyAsync(this TestApp app, string nameEn) => app.ReadAsync(db => db.Counties.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync());

    public static DateOnly Today(this TestApp app) => app.Clock.Today();

    /// <summary>The mobile of some demo resident of a neighbourhood, to sign in as them.</summary>
    public static Task<string> ResidentMobileOfAsync(this TestApp app, int neighbourhoodId) =>
        app.ReadAsync(db => db.Residents.Where(r => r.NeighbourhoodId == neighbourhoodId).OrderBy(r => r.Id).Select(r => r.Mobile).FirstAsync());

    /// <summary>The top results (need id, position) of a neighbourhood's published round, as the database holds them.</summary>
    public static Task<List<(int NeedId, int Position)>> PublishedTopAsync(this TestApp app, int neighbourhoodId, int top) => app.ReadAsync(async db =>
        (await db.PriorityRounds.Where(r => r.NeighbourhoodId == neighbourhoodId && r.Status == RoundStatus.Published)
            .SelectMany(r => r.Results.Where(x => x.Position <= top).Select(x => new { x.NeedId, x.Position })).ToListAsync())
        .OrderBy(x => x.Position).Select(x => (x.NeedId, x.Position)).ToList());
}
