using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetCentreDonations;

/// <summary>A centre's ledger for one campaign: every pledge and gift, newest first, with its allocations.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetCentreDonations(int CampaignId, int CentreId) : IQuery<CentreLedger>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Campaign(CampaignId), ScopeTarget.CentreDesk(CentreId)];
}

public sealed record CentreLedger(int CampaignId, string CampaignName, PlaceName Centre, DateOnly StartsOn, DateOnly EndsOn, bool MayRecord,
    IReadOnlyList<DonationLine> Donations);

public sealed record DonationLine(int DonationId, Guid Version, DonorKind DonorKind, string DonorName, bool Anonymous, DonationKind Kind, AidItem? Item,
    long Amount, long Unallocated, string? ReceiptNumber, DateOnly PledgedOn, DateOnly? ReceivedOn, DonationStatus Status, string? CancelReason,
    IReadOnlyList<AllocationLine> Allocations);

public sealed record AllocationLine(int AllocationId, PlaceName Neighbourhood, string? NeedTitle, string? DutyTitle, long Amount, string Note,
    AllocationStatus Status, DateOnly? DeliveredOn, int? StoryId, string? StoryTitle);

public sealed class GetCentreDonationsHandler : IQueryHandler<GetCentreDonations, CentreLedger>
{
    public ValueTask<CentreLedger> Handle(GetCentreDonations query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
