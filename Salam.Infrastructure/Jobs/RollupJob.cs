using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Commands.RollUp;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Jobs;

/// <summary>Recurring roll-ups: every quarter hour the neighbourhoods that changed (and their ancestors); nightly, after the overdue flags, everything.</summary>
public sealed class RollupJob(IMediator mediator, CurrentUser currentUser)
{
    public const string IncrementalId = "rollup-incremental";
    public const string IncrementalSchedule = "*/15 * * * *";
    public const string FullId = "rollup-full";
    public const string FullSchedule = "30 2 * * *";

    public Task RunIncrementalAsync(CancellationToken cancellationToken) => RunAsync(RollupMode.Incremental, cancellationToken);

    public Task RunFullAsync(CancellationToken cancellationToken) => RunAsync(RollupMode.Full, cancellationToken);

    private async Task RunAsync(RollupMode mode, CancellationToken cancellationToken)
    {
        currentUser.UseSystem();
        await mediator.Send(new RollUp(mode), cancellationToken);
    }
}
