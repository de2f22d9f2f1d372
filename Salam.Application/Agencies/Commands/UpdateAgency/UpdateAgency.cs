using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Agencies.Common;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Agencies.Commands.UpdateAgency;

/// <summary>
/// Names an agency again, sets its kind and its province (none: national). An officer edits only their province's agencies and
/// cannot make one national or move it to another province: both the agency and where it goes must be in their scope.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record UpdateAgency(int AgencyId, string NameFa, string? NameEn, AgencyKind Kind, int? ProvinceId) : ICommand, IAgencyDescription, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.AdministeredAgency(AgencyId), AgencyScope.HomeOf(ProvinceId)];
}

public sealed class UpdateAgencyValidator : AgencyDescriptionValidator<UpdateAgency>;

public sealed class UpdateAgencyHandler(ISalamDbContext db) : ICommandHandler<UpdateAgency>
{
    public async ValueTask<Unit> Handle(UpdateAgency command, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == command.AgencyId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Agency"));
        // Its duties were assigned where it worked: moving it would leave them in a province it no longer serves.
        if (agency.ProvinceId != command.ProvinceId && await db.Duties.CountAsync(d => d.AgencyId == agency.Id, cancellationToken) is > 0 and var duties)
            throw new RequestRefusedException(Text.Get("Agency.MoveWithDuties", duties));
        agency.Describe(command.NameFa, command.NameEn ?? "", command.Kind, command.ProvinceId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
