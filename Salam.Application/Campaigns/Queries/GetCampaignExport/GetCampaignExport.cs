using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Interfaces;
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

public sealed class GetCampaignExportHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetCampaignExport, IReadOnlyList<DonationExportRow>>
{
    public async ValueTask<IReadOnlyList<DonationExportRow>> Handle(GetCampaignExport query, CancellationToken cancellationToken)
    {
        // Only the recording centre's own facilitator sees an anonymous donor's name; a file travels further than a page.
        var ownCentre = user.Role == Role.Facilitator ? user.CentreId : null;
        return await (from d in db.DonationsFor(user).AsNoTracking()
                      join c in db.Centres on d.CentreId equals c.Id
                      join p in db.Provinces on d.ProvinceId equals p.Id
                      where d.CampaignId == query.CampaignId
                      orderby p.NameFa, c.NameFa, d.Id
                      select new DonationExportRow(d.Id, new PlaceName(p.NameFa, p.NameEn), new PlaceName(c.NameFa, c.NameEn), d.DonorKind,
                          d.Anonymous && d.CentreId != ownCentre ? null : d.DonorName, d.Kind, d.Item, d.Amount, d.Status, d.ReceiptNumber, d.PledgedOn,
                          d.ReceivedOn, d.Allocations.Sum(a => (long?)a.Amount) ?? 0,
                          d.Allocations.Where(a => a.Status == AllocationStatus.Delivered).Sum(a => (long?)a.Amount) ?? 0))
            .ToListAsync(cancellationToken);
    }
}
