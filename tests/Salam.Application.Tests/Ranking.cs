using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Helpers for the ranking tests: Pardisan's open round, fresh residents, and a fingerprint of everything a vote writes.</summary>
internal static class Ranking
{
    private static int _serial;

    public static Task<(int RoundId, int NeighbourhoodId, int MaxRanks, List<int> NeedIds)> PardisanOpenRoundAsync(this TestApp app) =>
        app.ReadAsync(async db =>
        {
            var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Needs)
                .Where(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"))
                .SingleAsync();
            return (round.Id, round.NeighbourhoodId, round.MaxRanks, round.Needs.Select(n => n.NeedId).ToList());
        });

    /// <summary>A newly registered resident of a neighbourhood, signed in.</summary>
    public static async Task<ClaimsPrincipal> NewResidentAsync(this TestApp app, int neighbourhoodId)
    {
        var mobile = $"0939{Interlocked.Increment(ref _serial) + 1000000:D7}";
        await app.ReadAsync(async db =>
        {
            db.Residents.Add(new Resident(neighbourhoodId, "ساکن آزمایشی", MobileNumber.Parse(mobile), null, app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        return await app.ResidentPrincipalAsync(mobile);
    }

    /// <summary>A new round of three freshly approved needs in a neighbourhood, opened by its facilitator now.</summary>
    public static async Task<(int RoundId, List<int> NeedIds)> OpenFreshRoundAsync(this TestApp app, ClaimsPrincipal facilitator, int neighbourhoodId, string title)
    {
        var proposer = await app.NewResidentAsync(neighbourhoodId);
        var needs = new List<int>();
        foreach (var need in new[] { "الف", "ب", "ج" })
        {
            var id = await app.SendAsync<int>(proposer, new ProposeNeed(neighbourhoodId, $"{title} {need}", "", NeedCategory.Education, null));
            await app.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Approve));
            needs.Add(id);
        }
        var now = app.Clock.GetUtcNow();
        var roundId = await app.SendAsync<int>(facilitator, new CreateRound(neighbourhoodId, title, now, now.AddDays(3), 3, needs));
        await app.SendAsync<RoundStatus>(facilitator, new OpenRound(roundId));
        return (roundId, needs);
    }

    public static Task<ClaimsPrincipal> FirstResidentAsync(this TestApp app) => app.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile);

    /// <summary>Everything a ballot, a paper ballot or a moderation could write; equal before and after means nothing was written.</summary>
    public static Task<string> FingerprintAsync(this TestApp app) => app.ReadAsync(async db =>
        string.Join('|',
            await db.Ballots.CountAsync(),
            await db.Ballots.SelectMany(b => b.Entries).SumAsync(e => e.NeedId * 31 + e.Rank),
            await db.Residents.CountAsync(),
            string.Join(',', await db.Needs.OrderBy(n => n.Id).Select(n => n.Status).ToListAsync()),
            string.Join(',', await db.PriorityRounds.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync())));
}
