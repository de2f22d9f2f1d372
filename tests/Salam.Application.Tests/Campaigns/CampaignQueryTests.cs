using Salam.Application.Campaigns.Commands.AllocateDonation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Campaigns.Queries.GetAllocationChoices;
using Salam.Application.Campaigns.Queries.GetCampaign;
using Salam.Application.Campaigns.Queries.GetCampaignExport;
using Salam.Application.Campaigns.Queries.GetCampaigns;
using Salam.Application.Campaigns.Queries.GetCentreDonations;
using Salam.Application.Campaigns.Queries.GetPublicCampaign;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Campaigns;
using static Salam.Application.Tests.Campaigns.CampaignScene;

namespace Salam.Application.Tests.Campaigns;

/// <summary>
/// One national campaign with gifts at Pardisan (Qom) and Sari (Mazandaran), in rials, goods and hours, in every state; read
/// by each role. The class shares one database: each test reads the same arranged campaign.
/// </summary>
public sealed class CampaignQueryTests(CampaignQueryTests.Arranged arranged) : IClassFixture<CampaignQueryTests.Arranged>
{
    private Testing.TestApp App => arranged.App;

    public sealed class Arranged : IAsyncLifetime
    {
        public Testing.TestApp App { get; private set; } = default!;
        public CampaignPlaces Places { get; private set; } = default!;
        public int CampaignId { get; private set; }
        public int AnonymousGift { get; private set; }
        public int QomCampaignId { get; private set; }

        public async Task InitializeAsync()
        {
            App = await Testing.TestApp.StartAsync();
            var p = Places = await PlacesAsync(App);
            var campaign = await NationalCampaignAsync(App, p);
            CampaignId = campaign.CampaignId;
            QomCampaignId = (await QomCampaignAsync(App, p)).CampaignId;
            var sari = await App.PrincipalOfAsync("facilitator.sari");
            // Pardisan: a named gift of 10,000,000 (7,000,000 allocated, 3,000,000 of it delivered), an anonymous vow of 2,000,000,
            // a pledge of 5,000,000, a cancelled pledge, 40 food packages (30 allocated) and 12 volunteer hours.
            var named = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, 10_000_000, "Q-1", "خیریهٔ امام رضا"));
            var (a1, first) = await AllocateAsync(App, named, 3_000_000, p.Pardisan);
            var (a2, _) = await AllocateAsync(App, a1, 4_000_000, p.Qods);
            await App.SendAsync<DonationWritten>(await Facilitator(App), new DeliverAllocation(named.DonationId, first, a2.Version, Today(App)));
            AnonymousGift = (await RecordAsync(App, campaign.CampaignId, p.PardisanCentre,
                Gift(App, 2_000_000, "Q-2", "<script>alert('x')</script> حاج آقا", anonymous: true, kind: DonationKind.Vow, donorKind: DonorKind.Individual))).DonationId;
            await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Pledge(App, 5_000_000));
            var cancelled = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Pledge(App, 9_000_000, "منصرف"));
            await App.SendAsync<DonationWritten>(await Facilitator(App), new Salam.Application.Campaigns.Commands.ReceiveDonation.CancelPledge(cancelled.DonationId, cancelled.Version, "منصرف شد"));
            var food = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, 40, "Q-3", "شرکت نان سحر", kind: DonationKind.InKind, item: AidItem.FoodPackage, donorKind: DonorKind.Company));
            await AllocateAsync(App, food, 30, p.Pardisan);
            await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, 12, "Q-4", "گروه جوانان", kind: DonationKind.VolunteerTime));
            // Sari: a named gift of 6,000,000 and an anonymous one of 1,000,000.
            await RecordAsync(App, campaign.CampaignId, p.SariCentre, Gift(App, 6_000_000, "M-1", "=cmd|' /C calc'!A0"), sari);
            await RecordAsync(App, campaign.CampaignId, p.SariCentre, Gift(App, 1_000_000, "M-2", "نیکوکار ساروی", anonymous: true), sari);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task The_campaign_page_sums_by_stage_in_whole_rials_and_its_province_and_centre_rows_add_up_to_the_totals()
    {
        var p = arranged.Places;
        var report = await App.SendAsync<CampaignReport>(await Ministry(App), new GetCampaign(arranged.CampaignId));
        var t = report.Totals;
        Assert.Equal((5_000_000L + 10_000_000 + 2_000_000 + 6_000_000 + 1_000_000, 19_000_000L, 7_000_000L, 3_000_000L, 12L, 12L),
            (t.PledgedRials, t.ReceivedRials, t.AllocatedRials, t.DeliveredRials, t.VolunteerHoursPledged, t.VolunteerHoursReceived));
        Assert.Equal([new ItemFigures(AidItem.FoodPackage, 100, 40, 40, 30, 0)], t.Items);
        Assert.Equal((CampaignScope.National, (string?)null, true, (int?)null), (report.Scope, report.Place?.En, report.CanRevise, report.CallerCentreId));

        Assert.Equal(new[] { p.Mazandaran, p.Qom }.Order(), report.ByProvince.Select(r => r.Id).Order());
        Assert.Equal(new[] { p.PardisanCentre, p.SariCentre }.Order(), report.ByCentre.Select(r => r.Id).Order());
        foreach (var rows in new[] { report.ByProvince, report.ByCentre })
        {
            Assert.Equal(t.ReceivedRials, rows.Sum(r => r.Figures.ReceivedRials));
            Assert.Equal(t.PledgedRials, rows.Sum(r => r.Figures.PledgedRials));
            Assert.Equal(t.AllocatedRials, rows.Sum(r => r.Figures.AllocatedRials));
            Assert.Equal(t.DeliveredRials, rows.Sum(r => r.Figures.DeliveredRials));
        }
        Assert.Equal(7_000_000L, report.ByProvince.Single(r => r.Id == p.Mazandaran).Figures.ReceivedRials);

        // The export, row by row, agrees with the page.
        var export = await App.SendAsync<IReadOnlyList<DonationExportRow>>(await Ministry(App), new GetCampaignExport(arranged.CampaignId));
        static bool Rials(DonationExportRow r) => r.Kind is DonationKind.Cash or DonationKind.Vow;
        Assert.Equal(t.ReceivedRials, export.Where(r => Rials(r) && r.Status is DonationStatus.Received or DonationStatus.Allocated or DonationStatus.Delivered).Sum(r => r.Amount));
        Assert.Equal(t.AllocatedRials, export.Where(Rials).Sum(r => r.Allocated));
        Assert.Equal(t.DeliveredRials, export.Where(Rials).Sum(r => r.Delivered));
        Assert.Equal(8, export.Count);
    }

    [Fact]
    public async Task Each_role_sees_its_own_centres_rows_and_campaigns_and_an_officer_revises_only_their_provinces()
    {
        var p = arranged.Places;
        var officer = await App.SendAsync<CampaignReport>(await Officer(App), new GetCampaign(arranged.CampaignId));
        Assert.Equal([p.PardisanCentre], officer.ByCentre.Select(r => r.Id));
        Assert.False(officer.CanRevise);
        Assert.True((await App.SendAsync<CampaignReport>(await Officer(App), new GetCampaign(arranged.QomCampaignId))).CanRevise);
        var facilitator = await App.SendAsync<CampaignReport>(await Facilitator(App), new GetCampaign(arranged.CampaignId));
        Assert.Equal([p.PardisanCentre], facilitator.ByCentre.Select(r => r.Id));
        Assert.Equal(p.PardisanCentre, facilitator.CallerCentreId);
        // Totals are the whole campaign's for everyone (they are public).
        Assert.Equal(officer.Totals.ReceivedRials, facilitator.Totals.ReceivedRials);

        var sariLines = await App.SendAsync<IReadOnlyList<CampaignLine>>(await App.PrincipalOfAsync("facilitator.sari"), new GetCampaigns());
        var sariLine = Assert.Single(sariLines);
        Assert.Equal((arranged.CampaignId, 7_000_000L, true), (sariLine.CampaignId, sariLine.ReceivedRials, sariLine.Open));
        var qomLines = await App.SendAsync<IReadOnlyList<CampaignLine>>(await Officer(App), new GetCampaigns());
        // The demo data holds a campaign of its own; these two are among the officer's.
        Assert.Subset(qomLines.Select(l => l.CampaignId).ToHashSet(), new HashSet<int> { arranged.CampaignId, arranged.QomCampaignId });
        Assert.Equal(12_000_000L, qomLines.Single(l => l.CampaignId == arranged.CampaignId).ReceivedRials);
        Assert.Equal("Qom", qomLines.Single(l => l.CampaignId == arranged.QomCampaignId).Place?.En);
        var mazandaranLines = await App.SendAsync<IReadOnlyList<CampaignLine>>(await App.PrincipalOfAsync("officer.mazandaran"), new GetCampaigns());
        Assert.Equal([arranged.CampaignId], mazandaranLines.Select(l => l.CampaignId));
        Assert.Equal(19_000_000L, (await App.SendAsync<IReadOnlyList<CampaignLine>>(await Ministry(App), new GetCampaigns())).Single(l => l.CampaignId == arranged.CampaignId).ReceivedRials);
    }

    [Fact]
    public async Task Campaigns_ledgers_and_exports_outside_the_callers_reach_are_forbidden()
    {
        var p = arranged.Places;
        var sari = await App.PrincipalOfAsync("facilitator.sari");
        var mazandaran = await App.PrincipalOfAsync("officer.mazandaran");
        // Sari's centre is not in the Qom campaign; Mazandaran's officer does not reach Qom's.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignReport>(sari, new GetCampaign(arranged.QomCampaignId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignReport>(mazandaran, new GetCampaign(arranged.QomCampaignId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<IReadOnlyList<DonationExportRow>>(mazandaran, new GetCampaignExport(arranged.QomCampaignId)));
        // Another centre's ledger: Pardisan's facilitator reading Sari's, Mazandaran's officer reading Pardisan's.
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<CentreLedger>(await Facilitator(App), new GetCentreDonations(arranged.CampaignId, p.SariCentre)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CentreLedger>(mazandaran, new GetCentreDonations(arranged.CampaignId, p.PardisanCentre)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<AllocationChoices>(sari, new GetAllocationChoices(arranged.AnonymousGift)));
        // Residents, agency managers and strangers read no staff page.
        var resident = await App.ResidentPrincipalAsync(Infrastructure.Persistence.Seeding.DemoDataSeeder.FirstResidentMobile);
        foreach (var who in new[] { resident, await App.PrincipalOfAsync("agency.qom.welfare"), Anonymous })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignReport>(who, new GetCampaign(arranged.CampaignId)));
            await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<IReadOnlyList<CampaignLine>>(who, new GetCampaigns()));
            await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<IReadOnlyList<DonationExportRow>>(who, new GetCampaignExport(arranged.CampaignId)));
        }
        await Assert.ThrowsAsync<NotFoundException>(async () => await App.SendAsync<CampaignReport>(await Ministry(App), new GetCampaign(int.MaxValue)));
    }

    [Fact]
    public async Task The_ledger_names_every_donor_to_the_centre_and_the_export_hides_anonymous_ones_from_everyone_else()
    {
        var p = arranged.Places;
        var ledger = await App.SendAsync<CentreLedger>(await Facilitator(App), new GetCentreDonations(arranged.CampaignId, p.PardisanCentre));
        Assert.True(ledger.MayRecord);
        Assert.Equal(6, ledger.Donations.Count);
        var anonymous = ledger.Donations.Single(d => d.DonationId == arranged.AnonymousGift);
        Assert.Equal((true, "<script>alert('x')</script> حاج آقا"), (anonymous.Anonymous, anonymous.DonorName));
        var named = ledger.Donations.Single(d => d.ReceiptNumber == "Q-1");
        Assert.Equal((3_000_000L, 2), (named.Unallocated, named.Allocations.Count));
        Assert.Equal(["Pardisan", "Shahrak-e Qods"], named.Allocations.Select(a => a.Neighbourhood.En));
        Assert.Equal(0, ledger.Donations.Single(d => d.Status == DonationStatus.Pledged).Unallocated);
        Assert.False((await App.SendAsync<CentreLedger>(await Officer(App), new GetCentreDonations(arranged.CampaignId, p.PardisanCentre))).MayRecord);

        var own = await App.SendAsync<IReadOnlyList<DonationExportRow>>(await Facilitator(App), new GetCampaignExport(arranged.CampaignId));
        Assert.All(own, r => Assert.Equal("Pardisan Positive Life Centre", r.Centre.En));
        Assert.Equal("<script>alert('x')</script> حاج آقا", own.Single(r => r.DonationId == arranged.AnonymousGift).DonorName);
        foreach (var who in new[] { await Officer(App), await Ministry(App), await App.PrincipalOfAsync("facilitator.sari") })
        {
            var rows = await App.SendAsync<IReadOnlyList<DonationExportRow>>(who, new GetCampaignExport(arranged.CampaignId));
            Assert.DoesNotContain(rows, r => r.DonorName is not null && (r.DonorName.Contains("حاج آقا") || r.DonorName.Contains("نیکوکار ساروی") && r.Centre.En != "Sarvineh Bagh Positive Life Centre"));
        }
        // Sari's facilitator sees their own anonymous donor's name, none of Pardisan's.
        var sariRows = await App.SendAsync<IReadOnlyList<DonationExportRow>>(await App.PrincipalOfAsync("facilitator.sari"), new GetCampaignExport(arranged.CampaignId));
        Assert.Equal(["=cmd|' /C calc'!A0", "نیکوکار ساروی"], sariRows.Select(r => r.DonorName).Order());
    }

    [Fact]
    public async Task Allocation_choices_are_the_centres_neighbourhoods_inside_the_campaign()
    {
        var p = arranged.Places;
        var choices = await App.SendAsync<AllocationChoices>(await Facilitator(App), new GetAllocationChoices(arranged.AnonymousGift));
        Assert.Equal([p.Pardisan, p.Qods], choices.Neighbourhoods.Select(n => n.NeighbourhoodId).Order());
    }

    [Fact]
    public async Task The_public_page_thanks_only_named_donors_of_gifts_in_hand_and_shows_the_same_totals()
    {
        var page = await App.SendAsync<PublicCampaign>(Anonymous, new GetPublicCampaign(arranged.CampaignId));
        Assert.Equal(["=cmd|' /C calc'!A0", "خیریهٔ امام رضا", "شرکت نان سحر", "گروه جوانان"], page.Donors.Select(d => d.Name).Order());
        Assert.DoesNotContain(page.Donors, d => d.Name.Contains("حاج آقا") || d.Name.Contains("نیکوکار ساروی") || d.Name.Contains("رضایی") || d.Name.Contains("منصرف"));
        var staff = await App.SendAsync<CampaignReport>(await Ministry(App), new GetCampaign(arranged.CampaignId));
        Assert.Equal(staff.Totals.ReceivedRials, page.Totals.ReceivedRials);
        Assert.Equal(staff.Totals.DeliveredRials, page.Totals.DeliveredRials);
        Assert.Equal(staff.ByProvince.Select(r => (r.Id, r.Figures.ReceivedRials)), page.ByProvince.Select(r => (r.Id, r.Figures.ReceivedRials)));
    }

    [Fact]
    public async Task A_campaign_not_yet_started_is_not_public()
    {
        var p = arranged.Places;
        var coming = await App.SendAsync<CampaignWritten>(await Officer(App), new Salam.Application.Campaigns.Commands.CreateCampaign.CreateCampaign(
            Draft(App, [p.PardisanCentre], "سلام محله", starts: Today(App).AddDays(1), ends: Today(App).AddDays(10)), CampaignScope.Province, p.Qom, null, []));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<PublicCampaign>(Anonymous, new GetPublicCampaign(coming.CampaignId)));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<PublicCampaign>(Anonymous, new GetPublicCampaign(int.MaxValue)));
    }
}
