using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Commands.CreateCampaign;

/// <summary>
/// A provincial officer creates a campaign in their province (province, county or chosen neighbourhoods); ministry staff create
/// national ones or any. The centres taking part must lie inside the scope.
/// </summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record CreateCampaign(CampaignDraft Draft, CampaignScope Scope, int? ProvinceId, int? CountyId, IReadOnlyList<int> NeighbourhoodIds)
    : ICommand<CampaignWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ProvinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Nation,
            .. ScopeTarget.IfAny(CountyId, ScopeTarget.County),
            .. NeighbourhoodIds.Select(ScopeTarget.Neighbourhood),
            .. Draft.CentreIds.Select(ScopeTarget.CentreDesk)];
}

public sealed class CreateCampaignHandler : ICommandHandler<CreateCampaign, CampaignWritten>
{
    public ValueTask<CampaignWritten> Handle(CreateCampaign command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
