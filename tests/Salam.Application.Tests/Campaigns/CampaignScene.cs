using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Campaigns.Commands.AllocateDonation;
using Salam.Application.Campaigns.Commands.CreateCampaign;
using Salam.Application.Campaigns.Commands.RecordDonation;
using Salam.Application.Campaigns.Common;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Testing;

namespace Salam.Application.Tests.Campaigns;

/// <summary>
/// The demo country's places campaigns use. Qom: the Pardisan centre serves Pardisan and Shahrak-e Qods (facilitator.pardisan),
/// Safashahr's centre serves Safashahr, Salariyeh and Zanbilabad, Kahak's the Kahak county (neither has a facilitator account).
/// Mazandaran: facilitator.sari's centre serves Sarvineh Bagh and Tork Mahalleh.
/// </summary>
public sealed record CampaignPlaces(int Qom, int Mazandaran, int QomCounty, int KahakCounty, int Pardisan, int Qods, int Safashahr, int Kahak,
    int SarvinehBagh, int PardisanCentre, int SafashahrCentre, int KahakCentre, int SariCentre);

/// <summary>Builds campaigns and donations through the real pipeline, and fingerprints what a refused request must leave untouched.</summary>
public static class CampaignScene
{
    public static Task<ClaimsPrincipal> Facilitator(TestApp app) => app.PrincipalOfAsync("facilitator.pardisan");
    public static Task<ClaimsPrincipal> Officer(TestApp app) => app.PrincipalOfAsync("officer.qom");
    public static Task<ClaimsPrincipal> Ministry(TestApp app) => app.PrincipalOfAsync("ministry");

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    public static Task<CampaignPlaces> PlacesAsync(TestApp app) => app.ReadAsync(async db =>
    {
        async Task<int> Neighbourhood(string nameEn) => await db.Neighbourhoods.Where(n => n.NameEn == nameEn).Select(n => n.Id).SingleAsync();
        async Task<int> County(string nameEn) => await db.Counties.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync();
        async Task<int> Centre(string nameEn) => await db.Centres.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync();
        return new CampaignPlaces(await db.Provinces.Where(p => p.NameEn == "Qom").Select(p => p.Id).SingleAsync(),
            await db.Provinces.Where(p => p.NameEn == "Mazandaran").Select(p => p.Id).SingleAsync(), await County("Qom"), await County("Kahak"),
            await Neighbourhood("Pardisan"), await Neighbourhood("Shahrak-e Qods"), await Neighbourhood("Safashahr"), await Neighbourhood("Kahak"),
            await Neighbourhood("Sarvineh Bagh"), await Centre("Pardisan Positive Life Centre"), await Centre("Safashahr Positive Life Centre"),
            await Centre("Kahak Positive Life Centre"), await Centre("Sarvineh Bagh Positive Life Centre"));
    });

    public static DateOnly Today(TestApp app) => ProgrammeCalendar.DayOf(app.Clock.GetUtcNow());

    /// <summary>A window from ten days ago to twenty days ahead, a rial goal and a food goal.</summary>
    public static CampaignDraft Draft(TestApp app, IReadOnlyList<int> centres, string name = "مثبت ماه", long? goal = 1_000_000_000,
        IReadOnlyList<ItemGoalInput>? items = null, DateOnly? starts = null, DateOnly? ends = null) =>
        new(name, "کمک به خانواده‌های نیازمند محله", starts ?? Today(app).AddDays(-10), ends ?? Today(app).AddDays(20), goal,
            items ?? [new ItemGoalInput(AidItem.FoodPackage, 100)], centres);

    /// <summary>A Qom campaign of the Pardisan and Safashahr centres, made by officer.qom.</summary>
    public static async Task<CampaignWritten> QomCampaignAsync(TestApp app, CampaignPlaces p, DateOnly? starts = null) =>
        await app.SendAsync<CampaignWritten>(await Officer(app),
            new CreateCampaign(Draft(app, [p.PardisanCentre, p.SafashahrCentre], starts: starts), CampaignScope.Province, p.Qom, null, []));

    /// <summary>A national campaign of the Pardisan and Sari centres, made by the ministry.</summary>
    public static async Task<CampaignWritten> NationalCampaignAsync(TestApp app, CampaignPlaces p) =>
        await app.SendAsync<CampaignWritten>(await Ministry(app),
            new CreateCampaign(Draft(app, [p.PardisanCentre, p.SariCentre], "سلام محله"), CampaignScope.National, null, null, []));

    public static DonationInput Gift(TestApp app, long amount = 12_500_000, string receipt = "R-1", string donor = "خیریهٔ امام رضا", bool anonymous = false,
        DonationKind kind = DonationKind.Cash, AidItem? item = null, DonorKind donorKind = DonorKind.Charity, DateOnly? on = null) =>
        new(donorKind, donor, anonymous, kind, item, amount, true, receipt, on ?? Today(app).AddDays(-1));

    public static DonationInput Pledge(TestApp app, long amount = 5_000_000, string donor = "خانوادهٔ رضایی", bool anonymous = true,
        DonationKind kind = DonationKind.Cash, AidItem? item = null, DateOnly? on = null) =>
        new(DonorKind.Individual, donor, anonymous, kind, item, amount, false, null, on ?? Today(app).AddDays(-2));

    public static async Task<DonationWritten> RecordAsync(TestApp app, int campaignId, int centreId, DonationInput input, ClaimsPrincipal? by = null) =>
        await app.SendAsync<DonationWritten>(by ?? await Facilitator(app), new RecordDonation(campaignId, centreId, input));

    public static async Task<(DonationWritten Donation, int AllocationId)> AllocateAsync(TestApp app, DonationWritten donation, long amount, int neighbourhoodId,
        int? needId = null, int? dutyId = null)
    {
        var written = await app.SendAsync<DonationWritten>(await Facilitator(app),
            new AllocateDonation(donation.DonationId, donation.Version, amount, neighbourhoodId, needId, dutyId, "بستهٔ غذایی برای خانواده‌ها"));
        var id = await app.ReadAsync(db => db.Allocations.Where(a => a.DonationId == donation.DonationId).MaxAsync(a => a.Id));
        return (written, id);
    }

    public static Task<Donation> ReadDonationAsync(TestApp app, int donationId) =>
        app.ReadAsync(db => db.Donations.AsNoTracking().Include(d => d.Allocations).SingleAsync(d => d.Id == donationId));

    public static Task<Campaign> ReadCampaignAsync(TestApp app, int campaignId) =>
        app.ReadAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));

    /// <summary>Everything a campaign request could write: campaigns with their centres and goals, donations, allocations, and the audit log.</summary>
    public static Task<string> FingerprintAsync(TestApp app) => app.ReadAsync(async db => string.Join('|',
        await db.AuditEvents.CountAsync(),
        string.Join(',', (await db.Campaigns.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => $"{c.Id}:{c.Version}:{c.Name}:{c.StartsOn}:{c.EndsOn}:{c.GoalRials}:{string.Join('+', c.Centres.Select(t => t.CentreId).Order())}:{string.Join('+', c.ItemGoals.Select(g => $"{g.Item}{g.Count}"))}")),
        string.Join(',', await db.Donations.OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Version}:{d.Status}:{d.Amount}:{d.ReceiptNumber}:{d.CancelReason}").ToListAsync()),
        string.Join(',', await db.Allocations.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Amount}:{a.Status}:{a.StoryId}").ToListAsync())));
}
