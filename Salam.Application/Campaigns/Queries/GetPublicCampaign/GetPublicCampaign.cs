using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetPublicCampaign;

/// <summary>A campaign's public page: progress against goals, by province, and thanks to the donors who did not ask to stay anonymous.</summary>
[AllowedRoles(Public = true)]
public sealed record GetPublicCampaign(int CampaignId) : IQuery<PublicCampaign>, IPublicScoped;

public sealed record PublicCampaign(int CampaignId, string Name, string Description, CampaignScope Scope, PlaceName? Place, DateOnly StartsOn,
    DateOnly EndsOn, long? GoalRials, IReadOnlyList<ItemGoalInput> ItemGoals, CampaignFigures Totals, IReadOnlyList<CampaignPlaceRow> ByProvince,
    IReadOnlyList<ThankedDonor> Donors);

public sealed record ThankedDonor(string Name, DonorKind Kind);

public sealed class GetPublicCampaignHandler : IQueryHandler<GetPublicCampaign, PublicCampaign>
{
    public ValueTask<PublicCampaign> Handle(GetPublicCampaign query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
