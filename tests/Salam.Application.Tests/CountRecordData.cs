using Microsoft.EntityFrameworkCore;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Helpers for the count record, publish, recount and ballot-file tests: a counted round of Pardisan (Qom), and a fingerprint of all they may write.</summary>
internal static class CountRecordData
{
    private static int _paperSerial = 2000000;

    /// <summary>A fresh Pardisan round of three needs with <paramref name="online"/> online ballots and <paramref name="paper"/> paper ones, closed by its facilitator.</summary>
    public static async Task<(int RoundId, List<int> NeedIds, RoundStatus Status)> ClosedRoundAsync(this TestApp app, string title, int online, int paper = 0)
    {
        var (roundId, needs) = await app.OpenRoundWithBallotsAsync(title, online, paper);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var status = await app.SendAsync<RoundStatus>(await app.PrincipalOfAsync("facilitator.pardisan"), new CloseRound(roundId));
        return (roundId, needs, status);
    }

    public static async Task<(int RoundId, List<int> NeedIds)> OpenRoundWithBallotsAsync(this TestApp app, string title, int online, int paper = 0)
    {
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var pardisan = await app.PardisanIdAsync();
        var (roundId, needs) = await app.OpenFreshRoundAsync(facilitator, pardisan, title);
        for (var i = 0; i < online; i++)
            await app.SendAsync<BallotReceipt>(await app.NewResidentAsync(pardisan), new SubmitBallot(roundId, RankingOf(needs, i)));
        for (var i = 0; i < paper; i++) await app.AddPaperBallotAsync(roundId, pardisan, RankingOf(needs, online + i));
        return (roundId, needs);
    }

    /// <summary>A varied ranking: all three, two or one needs, in an order that turns with <paramref name="i"/>.</summary>
    public static List<int> RankingOf(List<int> needs, int i) =>
        Enumerable.Range(0, 3).Select(k => needs[(i + k) % 3]).Take(3 - i % 3).ToList();

    // Stored as a facilitator's entry would be; the paper batch commands are another feature's.
    private static Task AddPaperBallotAsync(this TestApp app, int roundId, int neighbourhoodId, List<int> ranking) => app.ReadAsync(async db =>
    {
        var round = await db.PriorityRounds.Include(r => r.Needs).SingleAsync(r => r.Id == roundId);
        var facilitatorId = await db.Users.Where(u => u.UserName == "facilitator.pardisan").Select(u => u.Id).SingleAsync();
        var resident = new Resident(neighbourhoodId, "رأی‌دهندهٔ کاغذی", MobileNumber.Parse($"0938{Interlocked.Increment(ref _paperSerial):D7}"), null, app.Clock.GetUtcNow());
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        db.Ballots.Add(new Ballot(round, resident.Id, ranking, BallotChannel.Paper, facilitatorId, app.Clock.GetUtcNow()));
        return await db.SaveChangesAsync();
    });

    /// <summary>Pardisan, where facilitator.pardisan works and the first demo resident lives (not through its open round: these tests open more).</summary>
    public static Task<int> PardisanIdAsync(this TestApp app) =>
        app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());

    /// <summary>Pardisan's province, where officer.qom works.</summary>
    public static Task<int> QomAsync(this TestApp app) =>
        app.ReadAsync(db => db.Users.Where(u => u.UserName == "officer.qom").Select(u => u.ProvinceId!.Value).SingleAsync());

    /// <summary>Everything a close, publish, recount or rules change could write; equal before and after means nothing was written.</summary>
    public static Task<string> CountFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        await app.FingerprintAsync(),
        await db.RoundCounts.CountAsync(),
        await db.RoundRecounts.CountAsync(),
        await db.AuditEvents.CountAsync(),
        string.Join(',', await db.Provinces.OrderBy(p => p.Id).Select(p => p.AutoPublishResults).ToListAsync()),
        string.Join(',', await db.PriorityRounds.OrderBy(r => r.Id).Select(r => new { r.MaxRanks, r.Method, r.Budget }).ToListAsync()),
        string.Join(',', await db.PriorityRounds.SelectMany(r => r.Needs).OrderBy(n => n.RoundId).ThenBy(n => n.NeedId).Select(n => n.Cost).ToListAsync())));

    /// <summary>Changes rank 1 of a one-need counted ballot behind the application's back, as a tampered database would.</summary>
    /// <returns>The ballot and the need it really named, to put it back.</returns>
    public static async Task<(int BallotId, int WasNeedId)> TamperAsync(this TestApp app, int roundId, int needId)
    {
        var ballot = await app.ReadAsync(db => db.Ballots.Where(b => b.RoundId == roundId && b.Entries.Count == 1 && b.Entries.All(e => e.NeedId != needId))
            .Select(b => new { b.Id, b.Entries.First().NeedId }).FirstAsync());
        await app.SetFirstRankAsync(ballot.Id, needId);
        return (ballot.Id, ballot.NeedId);
    }

    public static Task SetFirstRankAsync(this TestApp app, int ballotId, int needId) => app.ReadAsync(db =>
        db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"BallotEntry\" SET \"NeedId\" = {needId} WHERE \"BallotId\" = {ballotId} AND \"Rank\" = 1"));
}
