using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetCampaigns;

/// <summary>The campaigns the caller works with, open ones first: all for ministry staff, an officer's province's and the national ones, a facilitator's centre's.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetCampaigns : IQuery<IReadOnlyList<CampaignLine>>, ICallerScoped;

/// <summary><see cref="Place"/> is none for a national campaign; <see cref="ReceivedRials"/> counts what the caller's scope holds.</summary>
public sealed record CampaignLine(int CampaignId, string Name, CampaignScope Scope, PlaceName? Place, DateOnly StartsOn, DateOnly EndsOn,
    long? GoalRials, long ReceivedRials, bool Open);

public sealed class GetCampaignsHandler : IQueryHandler<GetCampaigns, IReadOnlyList<CampaignLine>>
{
    public ValueTask<IReadOnlyList<CampaignLine>> Handle(GetCampaigns query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
