using Mediator;
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

public sealed class GetCampaignHandler : IQueryHandler<GetCampaign, CampaignReport>
{
    public ValueTask<CampaignReport> Handle(GetCampaign query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
