using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Reports;
using Salam.Testing;

namespace Salam.Application.Tests.Completions;

/// <summary>
/// Completions confirmed, disputed and unanswered, and delivery by agency kind, in the roll-up: each neighbourhood's figure is
/// what the duties and answers hold, each level above is the sum of the one below, and an answer or a dispute marks its
/// neighbourhood so the incremental run agrees with a full one.
/// </summary>
public sealed class RollupCompletionTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Counted straight from the tables, by the rule the roll-up documents.</summary>
    private Task<Dictionary<int, (int Confirmed, int Disputed, int Unanswered)>> CountedAsync() => _app.ReadAsync(async db =>
    {
        var duties = await db.Duties.Where(d => d.Status == DutyStatus.Done || d.Status == DutyStatus.Disputed)
            .Select(d => new
            {
                d.NeighbourhoodId, d.Status,
                Answers = db.CompletionChecks.Where(c => c.DutyId == d.Id && c.CompletionRound == d.CompletionRound).Select(c => c.Answer).ToList(),
            }).ToListAsync();
        return duties.GroupBy(d => d.NeighbourhoodId).ToDictionary(g => g.Key, g => (
            g.Count(d => d.Status == DutyStatus.Done && d.Answers.Any(a => a != CompletionAnswer.No)),
            g.Count(d => d.Status == DutyStatus.Disputed),
            g.Count(d => d.Status == DutyStatus.Done && d.Answers.Count == 0)));
    });

    private Task<List<RollupSnapshot>> LatestAsync(RollupLevel level) => _app.ReadAsync(async db =>
        (await db.RollupSnapshots.AsNoTracking().Include(s => s.Breakdowns).Where(s => s.Level == level).ToListAsync())
            .GroupBy(s => s.ScopeId).Select(g => g.MaxBy(s => s.ComputedAt)!).ToList());

    private static (int, int, int) Figures(IEnumerable<RollupSnapshot> snapshots) =>
        (snapshots.Sum(s => s.CompletionsConfirmed), snapshots.Sum(s => s.CompletionsDisputed), snapshots.Sum(s => s.CompletionsUnanswered));

    private static long Delivered(IEnumerable<RollupSnapshot> snapshots, BreakdownKind kind, AgencyKind agency) =>
        snapshots.SelectMany(s => s.Breakdowns).Where(b => b.Kind == kind && b.Key == (int)agency).Sum(b => b.Value);

    [Fact]
    public async Task Completion_figures_match_the_answers_and_every_level_sums_the_one_below()
    {
        var disputed = await _app.DoneDutyAsync();
        foreach (var resident in await _app.ResidentsOfAsync(disputed.NeighbourhoodId, 5)) await _app.AnswerAsync(resident, disputed.Id, CompletionAnswer.No);
        var confirmed = await _app.DoneDutyAsync();
        await _app.AnswerAsync((await _app.ResidentsOfAsync(confirmed.NeighbourhoodId, 1))[0], confirmed.Id, CompletionAnswer.Partly);
        await _app.DoneDutyAsync(); // unanswered
        await _app.RunRollupAsync(RollupMode.Full);

        var counted = await CountedAsync();
        var neighbourhoods = await LatestAsync(RollupLevel.Neighbourhood);
        Assert.All(neighbourhoods, s => Assert.Equal(counted.GetValueOrDefault(s.ScopeId), (s.CompletionsConfirmed, s.CompletionsDisputed, s.CompletionsUnanswered)));
        var pardisan = neighbourhoods.Single(s => s.ScopeId == disputed.NeighbourhoodId);
        Assert.True(pardisan.CompletionsDisputed >= 1 && pardisan.CompletionsConfirmed >= 1 && pardisan.CompletionsUnanswered >= 1);

        var (counties, provinces, nation) = (await LatestAsync(RollupLevel.County), await LatestAsync(RollupLevel.Province), Assert.Single(await LatestAsync(RollupLevel.National)));
        var expected = Figures(neighbourhoods);
        Assert.Equal(expected, Figures(counties));
        Assert.Equal(expected, Figures(provinces));
        Assert.Equal(expected, Figures([nation]));
        Assert.True(expected.Item2 >= 1);

        foreach (var agency in Enum.GetValues<AgencyKind>())
            foreach (var kind in new[] { BreakdownKind.DutyDoneAgencyKind, BreakdownKind.DutyDoneOnTimeAgencyKind })
            {
                var below = Delivered(neighbourhoods, kind, agency);
                Assert.Equal(below, Delivered(counties, kind, agency));
                Assert.Equal(below, Delivered([nation], kind, agency));
            }
        Assert.Equal(nation.DutiesDone, nation.Breakdowns.Where(b => b.Kind == BreakdownKind.DutyDoneAgencyKind).Sum(b => b.Value));
        Assert.Equal(nation.DutiesDoneOnTime, nation.Breakdowns.Where(b => b.Kind == BreakdownKind.DutyDoneOnTimeAgencyKind).Sum(b => b.Value));
    }

    [Fact]
    public async Task An_answer_and_a_dispute_mark_their_neighbourhood_and_the_incremental_run_agrees_with_a_full_one()
    {
        var duty = await _app.DoneDutyAsync();
        var residents = await _app.ResidentsOfAsync(duty.NeighbourhoodId, 5);
        await _app.RunRollupAsync(RollupMode.Full);
        Assert.Equal(0, await _app.ReadAsync(db => db.RollupMarks.CountAsync()));

        await _app.AnswerAsync(residents[0], duty.Id, CompletionAnswer.No);
        Assert.Equal([duty.NeighbourhoodId], await _app.ReadAsync(db => db.RollupMarks.Select(m => m.NeighbourhoodId).Distinct().ToListAsync()));
        foreach (var resident in residents.Skip(1)) await _app.AnswerAsync(resident, duty.Id, CompletionAnswer.No);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var run = await _app.RunRollupAsync(RollupMode.Incremental);
        Assert.Equal(1, run.Neighbourhoods);
        var incremental = await _app.LatestFiguresAsync();
        var place = (await LatestAsync(RollupLevel.Neighbourhood)).Single(s => s.ScopeId == duty.NeighbourhoodId);
        Assert.Equal((await CountedAsync())[duty.NeighbourhoodId], (place.CompletionsConfirmed, place.CompletionsDisputed, place.CompletionsUnanswered));
        Assert.True(place.CompletionsDisputed >= 1);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await _app.RunRollupAsync(RollupMode.Full);
        Assert.Equal(incremental, await _app.LatestFiguresAsync());
    }
}
