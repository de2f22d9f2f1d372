using Microsoft.EntityFrameworkCore;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Infrastructure.Persistence;

namespace Salam.Web.Tests.Campaigns;

/// <summary>
/// Qom's demo places as a campaign uses them: the province, its counties, its three centres and Pardisan's neighbourhood. A
/// campaign and its donations are written straight through the domain (its own rules still apply), so the pages' tests do not
/// depend on the commands they are not about.
/// </summary>
internal sealed record QomPlaces(int Province, int QomCounty, int KahakCounty, int PardisanCentre, int SafashahrCentre, int KahakCentre, int Pardisan, int Mazandaran,
    int SariCentre)
{
    public const string Facilitator = "facilitator.pardisan";
    public const string Officer = "officer.qom";

    public static async Task<QomPlaces> FindAsync(SalamDbContext db)
    {
        var province = await db.Provinces.Where(p => p.Code == "QOM").Select(p => p.Id).SingleAsync();
        async Task<int> County(string name) => await db.Counties.Where(c => c.ProvinceId == province && c.NameEn == name).Select(c => c.Id).SingleAsync();
        async Task<int> Centre(string name) => await db.Centres.Where(c => c.NameEn == name).Select(c => c.Id).SingleAsync();
        return new QomPlaces(province, await County("Qom"), await County("Kahak"), await Centre("Pardisan Positive Life Centre"),
            await Centre("Safashahr Positive Life Centre"), await Centre("Kahak Positive Life Centre"),
            await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => n.Id).SingleAsync(),
            await db.Provinces.Where(p => p.Code == "MZN").Select(p => p.Id).SingleAsync(), await Centre("Sarvineh Bagh Positive Life Centre"));
    }

    /// <summary>A Qom campaign open a fortnight around today, with Pardisan's and Kahak's centres taking part.</summary>
    public async Task<Campaign> CampaignAsync(SalamDbContext db, DateTimeOffset now, string name = "مثبت ماه قم", long? goalRials = 100_000_000)
    {
        var today = ProgrammeCalendar.DayOf(now);
        var campaign = new Campaign(name, "گردآوری کمک برای خانواده‌های نیازمند", today.AddDays(-7), today.AddDays(7), CampaignScope.Province, Province, null, [],
            goalRials, [new CampaignItemGoal(AidItem.FoodPackage, 100)], [PardisanCentre, KahakCentre], 1, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }

    /// <summary>A cash gift received today at a centre, in rials.</summary>
    public Donation Gift(Campaign campaign, int centreId, string donor, long rials, string receipt, DateTimeOffset now, bool anonymous = false, DonorKind kind = DonorKind.Individual) =>
        Donation.Receipt(campaign, centreId, Province, kind, donor, anonymous, DonationKind.Cash, null, rials, receipt, ProgrammeCalendar.DayOf(now), 1, now);

    public Donation Pledge(Campaign campaign, int centreId, string donor, long rials, DateTimeOffset now, bool anonymous = false) =>
        Donation.Pledge(campaign, centreId, Province, DonorKind.Individual, donor, anonymous, DonationKind.Cash, null, rials, ProgrammeCalendar.DayOf(now), 1, now);
}
