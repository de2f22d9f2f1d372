using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Centres.Common;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Centres.Commands.CreateCentre;

/// <summary>The administrator or the province's officer opens a centre and says which neighbourhoods it serves.</summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record CreateCentre(int ProvinceId, string NameFa, string NameEn, string? Address, CentreKind Kind, IReadOnlyList<int> NeighbourhoodIds)
    : ICommand<int>, ICentreDescription, IScoped
{
    // A tampered neighbourhood id must not pull another province's neighbourhood into the caller's centre.
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Province(ProvinceId), .. NeighbourhoodIds.Distinct().Select(ScopeTarget.Neighbourhood)];
}

public sealed class CreateCentreValidator : CentreDescriptionValidator<CreateCentre>;

public sealed class CreateCentreHandler(ISalamDbContext db) : ICommandHandler<CreateCentre, int>
{
    public async ValueTask<int> Handle(CreateCentre command, CancellationToken cancellationToken)
    {
        if (!await db.Provinces.AnyAsync(p => p.Id == command.ProvinceId, cancellationToken)) throw new NotFoundException(Text.Get("NotFound.Province"));
        var chosen = await ServedNeighbourhoods.ChosenAsync(db, command.NeighbourhoodIds, cancellationToken);

        var centre = new Centre(command.ProvinceId, command.NameFa, command.NameEn, command.Address ?? "", command.Kind);
        db.Centres.Add(centre);
        centre.Serve(chosen, servedNow: []);
        await db.SaveChangesAsync(cancellationToken);
        return centre.Id;
    }
}
