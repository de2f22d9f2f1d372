using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
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

/// <summary>Staff who reach the centre's desk see donors' names, anonymous or not (the ledger is the centre's own record).</summary>
public sealed class GetCentreDonationsHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetCentreDonations, CentreLedger>
{
    public async ValueTask<CentreLedger> Handle(GetCentreDonations query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == query.CampaignId)
            .Select(c => new { c.Name, c.StartsOn, c.EndsOn, TakesPart = c.Centres.Any(t => t.CentreId == query.CentreId) })
            .SingleAsync(cancellationToken);
        var centre = await db.Centres.Where(c => c.Id == query.CentreId).Select(c => new PlaceName(c.NameFa, c.NameEn)).SingleAsync(cancellationToken);
        var donations = await db.Donations.AsNoTracking().Where(d => d.CampaignId == query.CampaignId && d.CentreId == query.CentreId)
            .OrderByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Version, d.DonorKind, d.DonorName, d.Anonymous, d.Kind, d.Item, d.Amount, d.ReceiptNumber, d.PledgedOn, d.ReceivedOn, d.Status,
                d.CancelReason, Allocated = d.Allocations.Sum(a => (long?)a.Amount) ?? 0,
            })
            .ToListAsync(cancellationToken);
        var allocations = (await (from a in db.Allocations.AsNoTracking()
                                  join d in db.Donations on a.DonationId equals d.Id
                                  join n in db.Neighbourhoods on a.NeighbourhoodId equals n.Id
                                  join need in db.Needs on a.NeedId equals need.Id into needs
                                  from need in needs.DefaultIfEmpty()
                                  join duty in db.Duties on a.DutyId equals duty.Id into duties
                                  from duty in duties.DefaultIfEmpty()
                                  join story in db.SuccessStories on a.StoryId equals story.Id into stories
                                  from story in stories.DefaultIfEmpty()
                                  where d.CampaignId == query.CampaignId && d.CentreId == query.CentreId
                                  orderby a.Id
                                  select new
                                  {
                                      a.DonationId,
                                      Line = new AllocationLine(a.Id, new PlaceName(n.NameFa, n.NameEn), need != null ? need.Title : null, duty != null ? duty.Title : null,
                                          a.Amount, a.Note, a.Status, a.DeliveredOn, a.StoryId, story != null ? story.Title : null),
                                  })
                .ToListAsync(cancellationToken)).ToLookup(a => a.DonationId, a => a.Line);
        static bool InHand(DonationStatus status) => Donation.InHandStatuses.Contains(status);
        var lines = donations.Select(d => new DonationLine(d.Id, d.Version, d.DonorKind, d.DonorName, d.Anonymous, d.Kind, d.Item, d.Amount,
            InHand(d.Status) ? d.Amount - d.Allocated : 0, d.ReceiptNumber, d.PledgedOn, d.ReceivedOn, d.Status, d.CancelReason, [.. allocations[d.Id]])).ToList();
        // Only the centre's own facilitator records; officials read.
        var mayRecord = campaign.TakesPart && user.Role == Role.Facilitator && user.CentreId == query.CentreId;
        return new CentreLedger(query.CampaignId, campaign.Name, centre, campaign.StartsOn, campaign.EndsOn, mayRecord, lines);
    }
}
