using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Commands.RollUp;
using Salam.Infrastructure.Identity;
using Salam.Testing;
using Mediator;

namespace Salam.Application.Tests;

/// <summary>Running the roll-up as its job does, and reading what it left, for the roll-up tests.</summary>
public static class RollupRuns
{
    /// <summary>Sends the roll-up command as the system, through the real pipeline, in a scope of its own.</summary>
    public static async Task<RollupRun> RunRollupAsync(this TestApp app, RollupMode mode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RollUp(mode));
    }

    /// <summary>The latest snapshot of every place, as comparable text without ids or times: what the dashboards show.</summary>
    public static Task<List<string>> LatestFiguresAsync(this TestApp app) => app.ReadAsync(async db =>
    {
        var all = await db.RollupSnapshots.AsNoTracking().Include(s => s.Breakdowns).ToListAsync();
        return all.GroupBy(s => (s.Level, s.ScopeId)).Select(g => g.MaxBy(s => s.ComputedAt)!).Select(Describe).Order().ToList();
    });

    /// <summary>Every snapshot row with its time, for checks that a run repeated or raced wrote no more than one clean run.</summary>
    public static Task<List<string>> AllSnapshotsAsync(this TestApp app) => app.ReadAsync(async db =>
        (await db.RollupSnapshots.AsNoTracking().Include(s => s.Breakdowns).ToListAsync())
            .Select(s => $"{s.ComputedAt:O} {Describe(s)}").Order().ToList());

    private static string Describe(Domain.Reports.RollupSnapshot s) =>
        $"{s.Level}:{s.ScopeId} r={s.RegisteredResidents} on={s.BallotsOnline} pa={s.BallotsPaper} vo={s.Voters} pr={s.ParticipationRate:F6} " +
        $"np={s.NeedsProposed} na={s.NeedsApproved} dt={s.DutiesTotal} dd={s.DutiesDone} ot={s.DutiesDoneOnTime} od={s.DutiesOverdue} " +
        $"otr={s.OnTimeCompletionRate:F6} v={s.Volunteers} mh={s.MeetingsHeld} dd={s.DecisionDuties} ddo={s.DecisionDutiesDoneOnTime} cc={s.CompletionsConfirmed} cd={s.CompletionsDisputed} cu={s.CompletionsUnanswered} " +
        $"dr={s.DonationsReceivedRials} da={s.DonationsAllocatedRials} dl={s.DonationsDeliveredRials} vm={s.VolunteerMinutes} [{string.Join(",", s.Breakdowns.OrderBy(b => b.Kind).ThenBy(b => b.Key).Select(b => $"{b.Kind}/{b.Key}={b.Value}"))}]";
}
