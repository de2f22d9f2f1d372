using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;

namespace Salam.Application.Campaigns.Commands.ReviseCampaign;

/// <summary>Renames, moves the window, resets goals and centres; an officer revises only their province's campaigns, never a national one.</summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record ReviseCampaign(int CampaignId, Guid Version, CampaignDraft Draft) : ICommand<CampaignWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Campaign(CampaignId), .. Draft.CentreIds.Select(ScopeTarget.CentreDesk)];
}

public sealed class ReviseCampaignHandler : ICommandHandler<ReviseCampaign, CampaignWritten>
{
    public ValueTask<CampaignWritten> Handle(ReviseCampaign command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
