using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Duties.Queries.GetAssignablePlaces;

/// <summary>The neighbourhoods the caller may assign duties in, with their county, for the officer's pick-a-place list.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetAssignablePlaces : IQuery<IReadOnlyList<AssignablePlace>>, ICallerScoped;

public sealed record AssignablePlace(int Id, PlaceName Name, PlaceName County);

public sealed class GetAssignablePlacesHandler(ScopeGuard scope) : IQueryHandler<GetAssignablePlaces, IReadOnlyList<AssignablePlace>>
{
    public async ValueTask<IReadOnlyList<AssignablePlace>> Handle(GetAssignablePlaces query, CancellationToken cancellationToken) =>
        await scope.Neighbourhoods().AsNoTracking().Where(PlaceService.InService)
            .OrderBy(n => n.County!.NameFa).ThenBy(n => n.NameFa)
            .Select(n => new AssignablePlace(n.Id, new PlaceName(n.NameFa, n.NameEn), new PlaceName(n.County!.NameFa, n.County.NameEn)))
            .ToListAsync(cancellationToken);
}
