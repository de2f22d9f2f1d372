using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Centres.Common;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Centres.Commands.UpdateCentre;

/// <summary>
/// Describes a centre again and sets the neighbourhoods it serves: a chosen neighbourhood moves here from its old centre,
/// one left out is no longer served. Facilitators' reach follows at once, since it is read from the neighbourhoods.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record UpdateCentre(int CentreId, string NameFa, string NameEn, string? Address, CentreKind Kind, IReadOnlyList<int> NeighbourhoodIds)
    : ICommand, ICentreDescription, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Centre(CentreId), .. NeighbourhoodIds.Distinct().Select(ScopeTarget.Neighbourhood)];
}

public sealed class UpdateCentreValidator : CentreDescriptionValidator<UpdateCentre>;

public sealed class UpdateCentreHandler(ISalamDbContext db) : ICommandHandler<UpdateCentre>
{
    public async ValueTask<Unit> Handle(UpdateCentre command, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.Include(c => c.Neighbourhoods).SingleOrDefaultAsync(c => c.Id == command.CentreId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Centre"));
        var chosen = await ServedNeighbourhoods.ChosenAsync(db, command.NeighbourhoodIds, cancellationToken);

        centre.Describe(command.NameFa, command.NameEn, command.Address ?? "", command.Kind);
        centre.Serve(chosen, centre.Neighbourhoods);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
