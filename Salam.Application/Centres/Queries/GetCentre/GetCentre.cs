using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Centres.Queries.GetCentre;

/// <summary>One centre in the caller's scope, as its edit form starts: description, the neighbourhoods it serves, its facilitators.</summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record GetCentre(int CentreId) : IQuery<CentreRow>, ICentreScoped;

public sealed class GetCentreHandler(ISalamDbContext db, IUserDirectory users) : IQueryHandler<GetCentre, CentreRow>
{
    public async ValueTask<CentreRow> Handle(GetCentre query, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.AsNoTracking().Where(c => c.Id == query.CentreId)
            .Select(c => new
            {
                c.Id, c.ProvinceId, c.NameFa, c.NameEn, c.Address, c.Kind,
                Neighbourhoods = c.Neighbourhoods.OrderBy(n => n.NameFa)
                    .Select(n => new NeighbourhoodOption(n.Id, new PlaceName(n.NameFa, n.NameEn), new PlaceName(n.County!.NameFa, n.County.NameEn), n.CentreId)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Centre"));

        var facilitators = (await users.FacilitatorsAsync(centre.ProvinceId, cancellationToken)).Where(f => f.CentreId == centre.Id).ToList();
        return new CentreRow(centre.Id, centre.ProvinceId, new PlaceName(centre.NameFa, centre.NameEn), centre.Address, centre.Kind, centre.Neighbourhoods, facilitators);
    }
}
