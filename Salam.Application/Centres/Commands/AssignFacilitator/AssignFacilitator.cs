using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Centres.Commands.AssignFacilitator;

/// <summary>
/// Puts a facilitator at a centre, or at none (<see cref="CentreId"/> null). Their scope is the centre's neighbourhoods;
/// it is carried in their sign-in, which the directory invalidates, so they sign in again with the new scope.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record AssignFacilitator(int FacilitatorId, int? CentreId) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Facilitator(FacilitatorId), .. ScopeTarget.IfAny(CentreId, ScopeTarget.Centre)];
}

public sealed class AssignFacilitatorHandler(ISalamDbContext db, IUserDirectory users) : ICommandHandler<AssignFacilitator>
{
    public async ValueTask<Unit> Handle(AssignFacilitator command, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(command.FacilitatorId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Facilitator"));
        if (account.Role != Role.Facilitator) throw new RequestRefusedException(Text.Get("Centre.OnlyFacilitators"));

        // Unassigned, a facilitator stays in their province, so its officer can place them again.
        var provinceId = account.ProvinceId;
        if (command.CentreId is { } centreId)
        {
            provinceId = await db.Centres.AsNoTracking().Where(c => c.Id == centreId).Select(c => (int?)c.ProvinceId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Text.Get("NotFound.Centre"));
        }
        await users.AssignCentreAsync(account.Id, command.CentreId, provinceId, cancellationToken);
        return Unit.Value;
    }
}
