using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;

namespace Salam.Application.Residents.Queries;

/// <summary>
/// The choices of self-registration, one level at a time so a plain form can cascade: the active provinces, the active
/// counties of the chosen province and the active neighbourhoods of the chosen county. Public geography; sent by the gate.
/// </summary>
[AllowedRoles(AllowSystem = true)]
public sealed record GetRegistrationPlaces(int? ProvinceId, int? CountyId) : IQuery<RegistrationPlaces>, INationalScoped;

public sealed record RegistrationPlaces(IReadOnlyList<PlaceChoice> Provinces, IReadOnlyList<PlaceChoice> Counties, IReadOnlyList<PlaceChoice> Neighbourhoods);

public sealed record PlaceChoice(int Id, PlaceName Name);

public sealed class GetRegistrationPlacesHandler(ISalamDbContext db) : IQueryHandler<GetRegistrationPlaces, RegistrationPlaces>
{
    public async ValueTask<RegistrationPlaces> Handle(GetRegistrationPlaces query, CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.NameFa)
            .Select(p => new PlaceChoice(p.Id, new PlaceName(p.NameFa, p.NameEn))).ToListAsync(cancellationToken);
        var counties = query.ProvinceId is not { } province ? [] : await db.Counties.AsNoTracking()
            .Where(c => c.ProvinceId == province && c.IsActive && c.Province!.IsActive).OrderBy(c => c.NameFa)
            .Select(c => new PlaceChoice(c.Id, new PlaceName(c.NameFa, c.NameEn))).ToListAsync(cancellationToken);
        // A county is followed only inside the chosen province, so a county id from elsewhere lists nothing.
        var neighbourhoods = query.CountyId is not { } county || counties.All(c => c.Id != county) ? [] : await db.Neighbourhoods.AsNoTracking()
            .Where(n => n.CountyId == county && n.IsActive).OrderBy(n => n.NameFa)
            .Select(n => new PlaceChoice(n.Id, new PlaceName(n.NameFa, n.NameEn))).ToListAsync(cancellationToken);
        return new RegistrationPlaces(provinces, counties, neighbourhoods);
    }
}
