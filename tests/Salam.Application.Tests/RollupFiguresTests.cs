using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Jobs;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>The roll-up's figures at every level, against a country counted by hand, on real SQLite through the real DbContext.</summary>
public sealed class RollupFiguresTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private readonly RollupCountry _country = new();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false, now: RollupCountry.T0.AddDays(4));
        await _app.ReadAsync(async db => { await _country.BuildAsync(db); return 0; });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_full_run_counts_every_neighbourhood_county_province_and_the_nation_as_counted_by_hand()
    {
        await _app.RunRollupAsync(RollupMode.Full);
        var c = _country;

        var n1 = await LatestAsync(RollupLevel.Neighbourhood, c.N1.Id);
        Assert.Equal((4, 2, 1, 3, 0.75), (n1.RegisteredResidents, n1.BallotsOnline, n1.BallotsPaper, n1.Voters, n1.ParticipationRate));
        Assert.Equal((3, 2), (n1.NeedsProposed, n1.NeedsApproved));
        Assert.Equal((3, 2, 1, 1, 0.5, 1), (n1.DutiesTotal, n1.DutiesDone, n1.DutiesDoneOnTime, n1.DutiesOverdue, n1.OnTimeCompletionRate, n1.Volunteers));
        Assert.Equal([(NeedCategory.Health, 8), (NeedCategory.Education, 5)], Breakdown<NeedCategory>(n1, BreakdownKind.NeedCategoryPoints));
        Assert.Equal([(DutyStatus.Done, 2), (DutyStatus.Assigned, 1)], Breakdown<DutyStatus>(n1, BreakdownKind.DutyStatus));
        Assert.Equal([(AgencyKind.Welfare, 2), (AgencyKind.Municipality, 1)], Breakdown<AgencyKind>(n1, BreakdownKind.DutyAgencyKind));
        Assert.Equal([(VolunteerSkill.Medicine, 1), (VolunteerSkill.Teaching, 1)], Breakdown<VolunteerSkill>(n1, BreakdownKind.VolunteerSkill));

        var n3 = await LatestAsync(RollupLevel.Neighbourhood, c.N3.Id);
        Assert.Equal((2, 0, 0.0, 1, 0, 1), (n3.RegisteredResidents, n3.Voters, n3.ParticipationRate, n3.DutiesTotal, n3.DutiesOverdue, n3.Volunteers));
        var n4 = await LatestAsync(RollupLevel.Neighbourhood, c.N4.Id);
        Assert.Equal((0, 0, 0, 0, 0.0), (n4.RegisteredResidents, n4.Voters, n4.DutiesTotal, n4.Volunteers, n4.OnTimeCompletionRate));
        Assert.Empty(n4.Breakdowns);

        var c1 = await LatestAsync(RollupLevel.County, c.C1.Id);
        Assert.Equal((6, 3, 1, 4, 4 / 6.0), (c1.RegisteredResidents, c1.BallotsOnline, c1.BallotsPaper, c1.Voters, c1.ParticipationRate));
        Assert.Equal((4, 3), (c1.NeedsProposed, c1.NeedsApproved));
        Assert.Equal([(NeedCategory.Health, 13), (NeedCategory.Education, 5)], Breakdown<NeedCategory>(c1, BreakdownKind.NeedCategoryPoints));

        var p1 = await LatestAsync(RollupLevel.Province, c.P1.Id);
        Assert.Equal((8, 4, 0.5), (p1.RegisteredResidents, p1.Voters, p1.ParticipationRate));
        Assert.Equal((4, 2, 1, 1, 0.5, 2), (p1.DutiesTotal, p1.DutiesDone, p1.DutiesDoneOnTime, p1.DutiesOverdue, p1.OnTimeCompletionRate, p1.Volunteers));
        Assert.Equal([(AgencyKind.Welfare, 2), (AgencyKind.Municipality, 1), (AgencyKind.Health, 1)], Breakdown<AgencyKind>(p1, BreakdownKind.DutyAgencyKind));
        Assert.Equal([(VolunteerSkill.Teaching, 2), (VolunteerSkill.Medicine, 1)], Breakdown<VolunteerSkill>(p1, BreakdownKind.VolunteerSkill));

        var p2 = await LatestAsync(RollupLevel.Province, c.P2.Id);
        Assert.Equal((0, 0, 0), (p2.RegisteredResidents, p2.DutiesTotal, p2.Volunteers));

        var nation = await LatestAsync(RollupLevel.National, RollupSnapshot.NationalScope);
        Assert.Equal((8, 3, 1, 4, 0.5, 4, 3), (nation.RegisteredResidents, nation.BallotsOnline, nation.BallotsPaper, nation.Voters, nation.ParticipationRate, nation.NeedsProposed, nation.NeedsApproved));
        Assert.Equal((4, 2, 1, 1, 2), (nation.DutiesTotal, nation.DutiesDone, nation.DutiesDoneOnTime, nation.DutiesOverdue, nation.Volunteers));
        Assert.Equal([(NeedCategory.Health, 13), (NeedCategory.Education, 5)], Breakdown<NeedCategory>(nation, BreakdownKind.NeedCategoryPoints));
        Assert.Equal(4 + 3 + 2 + 1, await _app.ReadAsync(db => db.RollupSnapshots.CountAsync()));
    }

    [Fact]
    public async Task An_incremental_run_recomputes_only_the_changed_neighbourhood_and_its_ancestors_and_agrees_with_a_full_run()
    {
        await _app.RunRollupAsync(RollupMode.Full);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await _app.RunRollupAsync(RollupMode.Incremental)).Neighbourhoods);

        // A second resident of neighbourhood 2 votes; the save marks the neighbourhood by itself.
        await _app.ReadAsync(async db =>
        {
            var round = await db.PriorityRounds.Include(r => r.Needs).SingleAsync(r => r.Id == _country.R2.Id);
            db.Ballots.Add(new Ballot(round, _country.N2Second.Id, [_country.D.Id], BallotChannel.Paper, 1, RollupCountry.T0.AddDays(1)));
            return await db.SaveChangesAsync();
        });
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var run = await _app.RunRollupAsync(RollupMode.Incremental);
        Assert.Equal((1, 1, 1, true), (run.Neighbourhoods, run.Counties, run.Provinces, run.National));
        Assert.Equal(0, await _app.ReadAsync(db => db.RollupMarks.CountAsync()));

        var n2 = await LatestAsync(RollupLevel.Neighbourhood, _country.N2.Id);
        Assert.Equal((2, 1.0), (n2.Voters, n2.ParticipationRate));
        var nation = await LatestAsync(RollupLevel.National, RollupSnapshot.NationalScope);
        Assert.Equal((5, 2), (nation.Voters, nation.BallotsPaper));
        Assert.Equal([(NeedCategory.Health, 18), (NeedCategory.Education, 5)], Breakdown<NeedCategory>(nation, BreakdownKind.NeedCategoryPoints));

        var incremental = await _app.LatestFiguresAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _app.RunRollupAsync(RollupMode.Full);
        Assert.Equal(incremental, await _app.LatestFiguresAsync());
    }

    private Task<RollupSnapshot> LatestAsync(RollupLevel level, int scopeId) => _app.ReadAsync(db => db.RollupSnapshots.AsNoTracking()
        .Include(s => s.Breakdowns).Where(s => s.Level == level && s.ScopeId == scopeId).OrderByDescending(s => s.ComputedAt).FirstAsync());

    private static List<(T, long)> Breakdown<T>(RollupSnapshot snapshot, BreakdownKind kind) where T : struct, Enum =>
        [.. snapshot.Breakdowns.Where(b => b.Kind == kind).OrderByDescending(b => b.Value).ThenBy(b => b.Key).Select(b => ((T)Enum.ToObject(typeof(T), b.Key), b.Value))];
}
