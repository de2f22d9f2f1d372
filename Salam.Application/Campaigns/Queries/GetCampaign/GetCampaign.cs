using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetCampaign;

/// <summary>
/// A campaign's page: progress against its goals, and tables by province (national roles) and by centre (within the caller's
/// scope: a facilitator their own centre, an officer their province's centres).
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetCampaign(int CampaignId) : IQuery<CampaignReport>, ICampaignScoped;

public sealed record CampaignReport(int CampaignId, Guid Version, string Name, string Description, CampaignScope Scope, PlaceName? Place,
    DateOnly StartsOn, DateOnly EndsOn, long? GoalRials, IReadOnlyList<ItemGoalInput> ItemGoals, CampaignFigures Totals,
    IReadOnlyList<CampaignPlaceRow> ByProvince, IReadOnlyList<CampaignPlaceRow> ByCentre, bool CanRevise, int? CallerCentreId);

public sealed class GetCampaignHandler(ISalamDbContext db, ICurrentUser user, ScopeGuard scope) : IQueryHandler<GetCampaign, CampaignReport>
{
    public async ValueTask<CampaignReport> Handle(GetCampaign query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == query.CampaignId)
            .Select(c => new
            {
                c.Id, c.Version, c.Name, c.Description, c.Scope, c.ProvinceId, c.CountyId, c.StartsOn, c.EndsOn, c.GoalRials,
                Goals = c.ItemGoals.OrderBy(g => g.Item).Select(g => new ItemGoalInput(g.Item, g.Count)).ToList(),
                Centres = c.Centres.Select(t => t.CentreId).ToList(),
            })
            .SingleAsync(cancellationToken);
        var sums = await CampaignSums.ReadAsync(db, campaign.Id, cancellationToken);
        var provinces = await db.ProvincesTakingPartAsync(campaign.Centres, cancellationToken);
        // Every province's figures are public (the campaign's public page shows them); a centre's table, only within the caller's scope.
        var centres = await scope.Centres().Where(c => campaign.Centres.Contains(c.Id)).OrderBy(c => c.ProvinceId).ThenBy(c => c.NameFa)
            .Select(c => new { c.Id, c.NameFa, c.NameEn }).ToListAsync(cancellationToken);
        var canRevise = scope.IsNational || (user.Role == Role.ProvinceOfficer && campaign.ProvinceId is not null && campaign.ProvinceId == user.ProvinceId);
        var callerCentre = user.Role == Role.Facilitator && user.CentreId is { } own && campaign.Centres.Contains(own) ? own : (int?)null;
        return new CampaignReport(campaign.Id, campaign.Version, campaign.Name, campaign.Description, campaign.Scope,
            await db.CampaignPlaceNameAsync(campaign.ProvinceId, campaign.CountyId, cancellationToken), campaign.StartsOn, campaign.EndsOn, campaign.GoalRials,
            campaign.Goals, sums.Totals(campaign.Goals),
            [.. provinces.Select(p => new CampaignPlaceRow(p.Id, p.Name, sums.OfProvince(p.Id)))],
            [.. centres.Select(c => new CampaignPlaceRow(c.Id, new PlaceName(c.NameFa, c.NameEn), sums.OfCentre(c.Id)))],
            canRevise, callerCentre);
    }
}
