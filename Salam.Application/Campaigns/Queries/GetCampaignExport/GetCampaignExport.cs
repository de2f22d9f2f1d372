using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetCampaignExport;

/// <summary>
/// Every donation of a campaign in the caller's scope, one row each, for CSV and Excel; an anonymous donor's name is left out
/// for everyone but the recording centre.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetCampaignExport(int CampaignId) : IQuery<IReadOnlyList<DonationExportRow>>, ICampaignScoped;

public sealed record DonationExportRow(int DonationId, PlaceName Province, PlaceName Centre, DonorKind DonorKind, string? DonorName, DonationKind Kind,
    AidItem? Item, long Amount, DonationStatus Status, string? ReceiptNumber, DateOnly PledgedOn, DateOnly? ReceivedOn, long Allocated, long Delivered);

public sealed class GetCampaignExportHandler : IQueryHandler<GetCampaignExport, IReadOnlyList<DonationExportRow>>
{
    public ValueTask<IReadOnlyList<DonationExportRow>> Handle(GetCampaignExport query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
