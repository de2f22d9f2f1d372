using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Common;

/// <summary>
/// A campaign's sums, grouped in SQL by province, centre, kind, item and state (a few dozen rows however many donations), then
/// put together here: whole numbers in <c>long</c>, never floating point. Each stage includes the later ones: pledged counts
/// every gift not cancelled, received what is in hand, allocated what was given out, delivered what arrived.
/// </summary>
public sealed class CampaignSums
{
    private readonly IReadOnlyList<DonationSum> _donations;
    private readonly IReadOnlyList<AllocationSum> _allocations;

    private CampaignSums(IReadOnlyList<DonationSum> donations, IReadOnlyList<AllocationSum> allocations) =>
        (_donations, _allocations) = (donations, allocations);

    public static async Task<CampaignSums> ReadAsync(ISalamDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        var donations = await db.Donations.Where(d => d.CampaignId == campaignId && d.Status != DonationStatus.Cancelled)
            .GroupBy(d => new { d.ProvinceId, d.CentreId, d.Kind, d.Item, d.Status })
            .Select(g => new DonationSum(g.Key.ProvinceId, g.Key.CentreId, g.Key.Kind, g.Key.Item, g.Key.Status, g.Sum(d => d.Amount)))
            .ToListAsync(cancellationToken);
        var allocations = await (from a in db.Allocations
                                 join d in db.Donations on a.DonationId equals d.Id
                                 where d.CampaignId == campaignId
                                 group a by new { d.ProvinceId, d.CentreId, d.Kind, d.Item, a.Status } into g
                                 select new AllocationSum(g.Key.ProvinceId, g.Key.CentreId, g.Key.Kind, g.Key.Item, g.Key.Status, g.Sum(a => a.Amount)))
            .ToListAsync(cancellationToken);
        return new CampaignSums(donations, allocations);
    }

    /// <summary>The whole campaign, with its item goals beside what came in.</summary>
    public CampaignFigures Totals(IReadOnlyList<ItemGoalInput> goals) => Figures(null, null, goals);

    public CampaignFigures OfProvince(int provinceId) => Figures(provinceId, null, []);

    public CampaignFigures OfCentre(int centreId) => Figures(null, centreId, []);

    private CampaignFigures Figures(int? provinceId, int? centreId, IReadOnlyList<ItemGoalInput> goals)
    {
        var donations = _donations.Where(d => (provinceId is null || d.ProvinceId == provinceId) && (centreId is null || d.CentreId == centreId)).ToList();
        var allocations = _allocations.Where(a => (provinceId is null || a.ProvinceId == provinceId) && (centreId is null || a.CentreId == centreId)).ToList();
        static bool Rials(DonationKind kind) => Donation.MoneyKinds.Contains(kind);
        static bool InHand(DonationStatus status) => Donation.InHandStatuses.Contains(status);

        var items = goals.Select(g => g.Item).Concat(donations.Where(d => d.Item is not null).Select(d => d.Item!.Value)).Distinct().Order()
            .Select(item => new ItemFigures(item, goals.FirstOrDefault(g => g.Item == item)?.Count,
                donations.Where(d => d.Item == item).Sum(d => d.Amount),
                donations.Where(d => d.Item == item && InHand(d.Status)).Sum(d => d.Amount),
                allocations.Where(a => a.Item == item).Sum(a => a.Amount),
                allocations.Where(a => a.Item == item && a.Status == AllocationStatus.Delivered).Sum(a => a.Amount)))
            .ToList();
        return new CampaignFigures(
            donations.Where(d => Rials(d.Kind)).Sum(d => d.Amount),
            donations.Where(d => Rials(d.Kind) && InHand(d.Status)).Sum(d => d.Amount),
            allocations.Where(a => Rials(a.Kind)).Sum(a => a.Amount),
            allocations.Where(a => Rials(a.Kind) && a.Status == AllocationStatus.Delivered).Sum(a => a.Amount),
            items,
            donations.Where(d => d.Kind == DonationKind.VolunteerTime).Sum(d => d.Amount),
            donations.Where(d => d.Kind == DonationKind.VolunteerTime && InHand(d.Status)).Sum(d => d.Amount));
    }

    private sealed record DonationSum(int ProvinceId, int CentreId, DonationKind Kind, AidItem? Item, DonationStatus Status, long Amount);

    private sealed record AllocationSum(int ProvinceId, int CentreId, DonationKind Kind, AidItem? Item, AllocationStatus Status, long Amount);
}
