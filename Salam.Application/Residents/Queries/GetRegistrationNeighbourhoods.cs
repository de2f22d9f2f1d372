using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Residents.Queries;

/// <summary>The active neighbourhoods a facilitator (or officer) may register residents in, with their codes for the CSV file.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetRegistrationNeighbourhoods : IQuery<IReadOnlyList<RegistrationNeighbourhood>>, ICallerScoped;

public sealed record RegistrationNeighbourhood(int Id, string Code, PlaceName Name);

public sealed class GetRegistrationNeighbourhoodsHandler(ScopeGuard scope) : IQueryHandler<GetRegistrationNeighbourhoods, IReadOnlyList<RegistrationNeighbourhood>>
{
    public async ValueTask<IReadOnlyList<RegistrationNeighbourhood>> Handle(GetRegistrationNeighbourhoods query, CancellationToken cancellationToken) =>
        await scope.Neighbourhoods().AsNoTracking().Where(n => n.IsActive).OrderBy(n => n.NameFa)
            .Select(n => new RegistrationNeighbourhood(n.Id, n.Code, new PlaceName(n.NameFa, n.NameEn))).ToListAsync(cancellationToken);
}
