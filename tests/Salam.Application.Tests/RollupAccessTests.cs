using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Commands.RollUp;
using Salam.Domain.Reports;
using Salam.Testing;

namespace Salam.Application.Tests;

public sealed class RollupAccessTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_demo_country_starts_with_snapshots_at_every_level()
    {
        var provinces = await _app.ReadAsync(db => db.Provinces.CountAsync());
        var byLevel = await _app.ReadAsync(db => db.RollupSnapshots.GroupBy(s => s.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(provinces, byLevel[RollupLevel.Province]);
        Assert.Equal(1, byLevel[RollupLevel.National]);
        Assert.Equal(await _app.ReadAsync(db => db.Neighbourhoods.CountAsync()), byLevel[RollupLevel.Neighbourhood]);
        var nation = await _app.ReadAsync(db => db.RollupSnapshots.SingleAsync(s => s.Level == RollupLevel.National));
        Assert.Equal(await _app.ReadAsync(db => db.Residents.CountAsync()), nation.RegisteredResidents);
        Assert.Equal(await _app.ReadAsync(db => db.Ballots.CountAsync()), nation.BallotsOnline + nation.BallotsPaper);
    }

    [Fact]
    public async Task A_ballot_sent_through_the_pipeline_marks_its_neighbourhood_and_the_next_incremental_run_counts_it()
    {
        var (roundId, neighbourhoodId, _, needs) = await _app.PardisanOpenRoundAsync();
        var resident = await _app.NewResidentAsync(neighbourhoodId);
        _app.Clock.Advance(TimeSpan.FromMinutes(15));
        await _app.RunRollupAsync(RollupMode.Incremental);
        var before = await _app.ReadAsync(db => db.RollupSnapshots.Where(s => s.Level == RollupLevel.Neighbourhood && s.ScopeId == neighbourhoodId)
            .OrderByDescending(s => s.Id).FirstAsync());

        await _app.SendAsync<Rounds.Commands.SubmitBallot.BallotReceipt>(resident, new Rounds.Commands.SubmitBallot.SubmitBallot(roundId, [needs[0]]));
        Assert.Equal([neighbourhoodId], await _app.ReadAsync(db => db.RollupMarks.Select(m => m.NeighbourhoodId).Distinct().ToListAsync()));

        _app.Clock.Advance(TimeSpan.FromMinutes(15));
        var run = await _app.RunRollupAsync(RollupMode.Incremental);
        Assert.Equal(1, run.Neighbourhoods);
        var after = await _app.ReadAsync(db => db.RollupSnapshots.Where(s => s.Level == RollupLevel.Neighbourhood && s.ScopeId == neighbourhoodId)
            .OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal(before.BallotsOnline + 1, after.BallotsOnline);
        Assert.Equal(before.Voters + 1, after.Voters);
    }

    [Fact]
    public async Task An_administrator_may_ask_for_a_full_run_and_ministry_staff_may_not()
    {
        var before = await _app.AllSnapshotsAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await _app.SendAsync<RollupRun>(await _app.PrincipalOfAsync("ministry"), new RollUp(RollupMode.Full)));
        Assert.Equal(before, await _app.AllSnapshotsAsync());

        _app.Clock.Advance(TimeSpan.FromHours(1));
        var run = await _app.SendAsync<RollupRun>(await _app.PrincipalOfAsync("admin"), new RollUp(RollupMode.Full));
        Assert.Equal(await _app.ReadAsync(db => db.Neighbourhoods.CountAsync()), run.Neighbourhoods);
    }
}
