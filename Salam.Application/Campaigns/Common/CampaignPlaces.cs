using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;
using Salam.Domain.Geography;

namespace Salam.Application.Campaigns.Common;

/// <summary>Where a campaign reaches, as its scope and places say (the same whether it is being made or already saved).</summary>
public sealed record CampaignPlace(CampaignScope Scope, int? ProvinceId, int? CountyId, IReadOnlyCollection<int> NeighbourhoodIds)
{
    public static CampaignPlace Of(Campaign campaign) =>
        new(campaign.Scope, campaign.ProvinceId, campaign.CountyId, [.. campaign.Neighbourhoods.Select(n => n.NeighbourhoodId)]);
}

/// <summary>The neighbourhoods and centres a campaign's scope holds, read in SQL.</summary>
public static class CampaignPlaces
{
    /// <summary>The neighbourhoods inside the campaign's scope.</summary>
    public static IQueryable<Neighbourhood> NeighbourhoodsIn(this ISalamDbContext db, CampaignPlace place)
    {
        var ids = place.NeighbourhoodIds.ToList();
        return place.Scope switch
        {
            CampaignScope.National => db.Neighbourhoods,
            CampaignScope.Province => db.Neighbourhoods.Where(n => n.County!.ProvinceId == place.ProvinceId),
            CampaignScope.County => db.Neighbourhoods.Where(n => n.CountyId == place.CountyId),
            _ => db.Neighbourhoods.Where(n => ids.Contains(n.Id)),
        };
    }

    /// <summary>
    /// The centres that may take part: any for a national campaign, the province's for a provincial one, and for a county or
    /// chosen neighbourhoods the centres serving a neighbourhood in it (a centre belongs to a province, not to a county).
    /// </summary>
    public static IQueryable<Centre> CentresIn(this ISalamDbContext db, CampaignPlace place) => place.Scope switch
    {
        CampaignScope.National => db.Centres,
        CampaignScope.Province => db.Centres.Where(c => c.ProvinceId == place.ProvinceId),
        _ => db.Centres.Where(c => db.NeighbourhoodsIn(place).Any(n => n.CentreId == c.Id)),
    };

    /// <summary>Refuses, naming the first, centres the scope does not hold.</summary>
    public static async Task EnsureCentresInAsync(this ISalamDbContext db, CampaignPlace place, IReadOnlyCollection<int> centreIds, CancellationToken cancellationToken)
    {
        var ids = centreIds.Distinct().ToList();
        var inside = await db.CentresIn(place).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Except(inside).FirstOrDefault() is not (> 0 and var outside)) return;
        throw new RequestRefusedException(Text.Get("Campaign.CentreOutsideScope", await db.CentreNameAsync(outside, cancellationToken)));
    }

    /// <summary>A centre's name in the caller's language, for a message.</summary>
    public static async Task<string> CentreNameAsync(this ISalamDbContext db, int centreId, CancellationToken cancellationToken)
    {
        var name = await db.Centres.Where(c => c.Id == centreId).Select(c => new PlaceName(c.NameFa, c.NameEn)).SingleAsync(cancellationToken);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? name.Fa : name.En;
    }

    /// <summary>The county and neighbourhoods named must lie in the campaign's province (the pipeline checked only that the caller reaches them).</summary>
    public static async Task EnsurePlacesInProvinceAsync(this ISalamDbContext db, CampaignPlace place, CancellationToken cancellationToken)
    {
        if (place.CountyId is { } county && !await db.Counties.AnyAsync(c => c.Id == county && c.ProvinceId == place.ProvinceId, cancellationToken))
            throw new RequestRefusedException(Text.Get("Campaign.CountyOutsideProvince"));
        var ids = place.NeighbourhoodIds.Distinct().ToList();
        if (ids.Count > 0 && await db.Neighbourhoods.CountAsync(n => ids.Contains(n.Id) && n.County!.ProvinceId == place.ProvinceId, cancellationToken) != ids.Count)
            throw new RequestRefusedException(Text.Get("Campaign.NeighbourhoodOutsideProvince"));
    }

    /// <summary>A campaign's place for its heading: its county, else its province, else none (national).</summary>
    public static async Task<PlaceName?> CampaignPlaceNameAsync(this ISalamDbContext db, int? provinceId, int? countyId, CancellationToken cancellationToken) =>
        countyId is { } county ? await db.Counties.Where(k => k.Id == county).Select(k => new PlaceName(k.NameFa, k.NameEn)).SingleAsync(cancellationToken)
        : provinceId is { } province ? await db.Provinces.Where(p => p.Id == province).Select(p => new PlaceName(p.NameFa, p.NameEn)).SingleAsync(cancellationToken)
        : null;

    /// <summary>The provinces of the centres taking part, named, for a campaign's table by province.</summary>
    public static async Task<IReadOnlyList<(int Id, PlaceName Name)>> ProvincesTakingPartAsync(this ISalamDbContext db, IReadOnlyCollection<int> centreIds,
        CancellationToken cancellationToken)
    {
        var ids = centreIds.ToList();
        var rows = await db.Provinces.Where(p => db.Centres.Any(c => ids.Contains(c.Id) && c.ProvinceId == p.Id)).OrderBy(p => p.NameFa)
            .Select(p => new { p.Id, p.NameFa, p.NameEn }).ToListAsync(cancellationToken);
        return [.. rows.Select(p => (p.Id, new PlaceName(p.NameFa, p.NameEn)))];
    }
}
