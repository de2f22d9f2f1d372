using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Needs.Commands.ProposeNeed;

/// <summary>A resident proposes a need for their own neighbourhood; it waits for the facilitator's moderation.</summary>
[AllowedRoles(Role.Resident)]
public sealed record ProposeNeed(int NeighbourhoodId, string Title, string Description, NeedCategory Category, decimal? EstimatedCost)
    : ICommand<int>, INeighbourhoodScoped;

public sealed class ProposeNeedHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProposeNeed, int>
{
    public async ValueTask<int> Handle(ProposeNeed command, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new ForbiddenException(Text.Get("Need.ResidentOnly"));
        // A pending resident may propose; one whose registration was rejected may not.
        if (await db.Residents.AnyAsync(r => r.Id == residentId && r.Status == ResidentStatus.Rejected, cancellationToken))
            throw new RequestRefusedException(Text.Get("Residents.RejectedCannotPropose"));
        var need = new Need(command.NeighbourhoodId, command.Title, command.Description, command.Category, command.EstimatedCost, residentId, clock.GetUtcNow());
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return need.Id;
    }
}
