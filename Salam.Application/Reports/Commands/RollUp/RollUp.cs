using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Reports.Commands.RollUp;

/// <summary>Recomputes the roll-up snapshots: the recurring job sends it incrementally, an administrator can ask for a full run.</summary>
[AllowedRoles(Role.Admin, AllowSystem = true)]
public sealed record RollUp(RollupMode Mode) : ICommand<RollupRun>, INationalScoped;

public sealed class RollUpHandler(IRollupEngine engine, TimeProvider clock) : ICommandHandler<RollUp, RollupRun>
{
    public async ValueTask<RollupRun> Handle(RollUp command, CancellationToken cancellationToken) =>
        await engine.RunAsync(command.Mode, clock.GetUtcNow(), cancellationToken);
}
