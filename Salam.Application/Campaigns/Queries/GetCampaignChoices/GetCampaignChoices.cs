using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;
using Salam.Domain.People;

namespace Salam.Application.Campaigns.Queries.GetCampaignChoices;

/// <summary>
/// What the campaign form offers: the provinces the caller reaches and, for one of them, its counties, neighbourhoods (with the
/// centre serving each) and centres. An officer always gets their own province; ministry staff pick one at a time, so a
/// national campaign's centres are chosen province by province and a country's neighbourhoods never land in one list. With a
/// campaign (the revise form) its places and centres come too, and its province is the one listed unless another is asked for.
/// </summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetCampaignChoices(int? ProvinceId = null, int? CampaignId = null) : IQuery<CampaignChoices>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ProvinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Caller, .. ScopeTarget.IfAny(CampaignId, ScopeTarget.Campaign)];
}

/// <summary><see cref="ProvinceId"/> is the province the lists are of (none when ministry staff have not picked one yet).</summary>
public sealed record CampaignChoices(bool National, int? ProvinceId, IReadOnlyList<ChoicePlace> Provinces, IReadOnlyList<ChoicePlace> Counties,
    IReadOnlyList<NeighbourhoodChoice> Neighbourhoods, IReadOnlyList<CentreChoice> Centres, CampaignPlaces? Campaign);

/// <summary>Where a campaign runs and who takes part, as the revise form starts from.</summary>
public sealed record CampaignPlaces(CampaignScope Scope, int? ProvinceId, int? CountyId, IReadOnlyList<int> NeighbourhoodIds, IReadOnlyList<int> CentreIds);

public sealed record ChoicePlace(int Id, PlaceName Name);

public sealed record NeighbourhoodChoice(int Id, int CountyId, PlaceName Name, int? CentreId);

public sealed record CentreChoice(int Id, int ProvinceId, PlaceName Name);

public sealed class GetCampaignChoicesHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetCampaignChoices, CampaignChoices>
{
    public async ValueTask<CampaignChoices> Handle(GetCampaignChoices query, CancellationToken cancellationToken)
    {
        var national = user.Role == Role.MinistryStaff;
        var campaign = query.CampaignId is { } campaignId
            ? await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
                .Select(c => new CampaignPlaces(c.Scope, c.ProvinceId, c.CountyId, c.Neighbourhoods.Select(n => n.NeighbourhoodId).ToList(),
                    c.Centres.Select(n => n.CentreId).ToList()))
                .SingleAsync(cancellationToken)
            : null;
        var provinceId = national ? query.ProvinceId ?? campaign?.ProvinceId : user.ProvinceId;
        var provinces = await db.Provinces.AsNoTracking().Where(p => p.IsActive && (national || p.Id == user.ProvinceId))
            .OrderBy(p => p.NameFa).Select(p => new ChoicePlace(p.Id, new PlaceName(p.NameFa, p.NameEn))).ToListAsync(cancellationToken);
        if (provinceId is not { } id) return new CampaignChoices(national, null, provinces, [], [], [], campaign);

        var counties = await db.Counties.AsNoTracking().Where(c => c.ProvinceId == id && c.IsActive).OrderBy(c => c.NameFa)
            .Select(c => new ChoicePlace(c.Id, new PlaceName(c.NameFa, c.NameEn))).ToListAsync(cancellationToken);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Where(n => n.County!.ProvinceId == id && n.IsActive && n.County.IsActive)
            .OrderBy(n => n.NameFa).ThenBy(n => n.Id)
            .Select(n => new NeighbourhoodChoice(n.Id, n.CountyId, new PlaceName(n.NameFa, n.NameEn), n.CentreId)).ToListAsync(cancellationToken);
        var centres = await db.Centres.AsNoTracking().Where(c => c.ProvinceId == id).OrderBy(c => c.NameFa)
            .Select(c => new CentreChoice(c.Id, c.ProvinceId, new PlaceName(c.NameFa, c.NameEn))).ToListAsync(cancellationToken);
        return new CampaignChoices(national, id, provinces, counties, neighbourhoods, centres, campaign);
    }
}
