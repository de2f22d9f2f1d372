using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Agencies.Commands.SetAgencyActive;

/// <summary>
/// Takes an agency out of new duties, or brings it back. A deactivated agency keeps its duties, their timeline and its
/// manager's desk; it is only no longer offered, or accepted, for a new duty.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record SetAgencyActive(int AgencyId, bool Active) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.AdministeredAgency(AgencyId)];
}

public sealed class SetAgencyActiveHandler(ISalamDbContext db) : ICommandHandler<SetAgencyActive>
{
    public async ValueTask<Unit> Handle(SetAgencyActive command, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == command.AgencyId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Agency"));
        if (command.Active) agency.Reactivate();
        else agency.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
