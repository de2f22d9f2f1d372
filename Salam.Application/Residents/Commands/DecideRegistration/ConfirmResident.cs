using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.DecideRegistration;

/// <summary>A facilitator of the resident's neighbourhood confirms a self-registration: from now on the resident votes.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record ConfirmResident(int ResidentId) : ICommand, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Resident(ResidentId)];
}

public sealed class ConfirmResidentHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmResident>
{
    public async ValueTask<Unit> Handle(ConfirmResident command, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.FindPendingAsync(command.ResidentId, cancellationToken);
        resident.Confirm(user.UserId ?? 0, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken); // the audit trail records the decision in the same transaction
        return Unit.Value;
    }
}
