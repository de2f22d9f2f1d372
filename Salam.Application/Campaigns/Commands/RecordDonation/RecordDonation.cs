using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;

namespace Salam.Application.Campaigns.Commands.RecordDonation;

/// <summary>A centre's facilitator records a pledge or a gift for a campaign their centre takes part in.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RecordDonation(int CampaignId, int CentreId, DonationInput Donation) : ICommand<DonationWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Campaign(CampaignId), ScopeTarget.CentreDesk(CentreId)];
}

public sealed class RecordDonationHandler : ICommandHandler<RecordDonation, DonationWritten>
{
    public ValueTask<DonationWritten> Handle(RecordDonation command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
