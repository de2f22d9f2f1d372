using Salam.Application.Common.Interfaces;
using Salam.Domain.Campaigns;
using Salam.Domain.People;

namespace Salam.Application.Campaigns.Common;

/// <summary>Which campaigns and donations a caller works with, for lists (single ones are checked by the pipeline).</summary>
public static class CampaignReach
{
    /// <summary>All for national roles; an officer's province's and the national ones; those a facilitator's centre takes part in.</summary>
    public static IQueryable<Campaign> CampaignsFor(this ISalamDbContext db, ICurrentUser user) => user.Role switch
    {
        _ when user.IsSystem => db.Campaigns,
        Role.MinistryStaff or Role.Admin => db.Campaigns,
        Role.ProvinceOfficer => db.Campaigns.Where(c => c.ProvinceId == null || c.ProvinceId == user.ProvinceId),
        Role.Facilitator => db.Campaigns.Where(c => user.CentreId != null && c.Centres.Any(t => t.CentreId == user.CentreId)),
        _ => db.Campaigns.Where(_ => false),
    };

    /// <summary>Donations recorded where the caller works: every one for national roles, the province's for an officer, their centre's for a facilitator.</summary>
    public static IQueryable<Donation> DonationsFor(this ISalamDbContext db, ICurrentUser user) => user.Role switch
    {
        _ when user.IsSystem => db.Donations,
        Role.MinistryStaff or Role.Admin => db.Donations,
        Role.ProvinceOfficer => db.Donations.Where(d => d.ProvinceId == user.ProvinceId),
        Role.Facilitator => db.Donations.Where(d => user.CentreId != null && d.CentreId == user.CentreId),
        _ => db.Donations.Where(_ => false),
    };

    /// <summary>Cash and vows in hand: what counts as received money.</summary>
    public static IQueryable<Donation> ReceivedRials(this IQueryable<Donation> donations) =>
        donations.Where(d => (d.Kind == DonationKind.Cash || d.Kind == DonationKind.Vow)
            && (d.Status == DonationStatus.Received || d.Status == DonationStatus.Allocated || d.Status == DonationStatus.Delivered));
}
