using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Campaigns.Commands.AllocateDonation;
using Salam.Application.Campaigns.Commands.ReceiveDonation;
using Salam.Application.Campaigns.Commands.RecordDonation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Tests.Stories;
using Salam.Domain.Audit;
using Salam.Domain.Campaigns;
using Salam.Domain.Needs;
using static Salam.Application.Tests.Campaigns.CampaignScene;

namespace Salam.Application.Tests.Campaigns;

public sealed class DonationCommandTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private Task<int> NeedAsync(int neighbourhoodId, bool approved = true) => App.ReadAsync(async db =>
    {
        var need = new Need(neighbourhoodId, "بستهٔ غذایی خانواده‌ها", "", NeedCategory.Health, null, null, App.Clock.GetUtcNow().AddDays(-3));
        if (approved) need.Approve(App.Clock.GetUtcNow().AddDays(-2));
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    });

    [Fact]
    public async Task A_facilitator_records_a_pledge_receives_it_allocates_it_in_two_parts_and_delivers_both_and_every_step_is_audited()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        var need = await NeedAsync(p.Pardisan);
        var duty = await StoryScene.DoneDutyAsync(App, p.Qods, "تعمیر خانهٔ سالمندان", done: false);

        var pledge = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Pledge(App, 10_000_000, " خانوادهٔ رضایی "));
        var donation = await ReadDonationAsync(App, pledge.DonationId);
        Assert.Equal((DonationStatus.Pledged, "خانوادهٔ رضایی", true, p.Qom, (string?)null), (donation.Status, donation.DonorName, donation.Anonymous, donation.ProvinceId, donation.ReceiptNumber));

        // Each step a minute later, as in life: a step that only adds or delivers an allocation is logged by the donation's UpdatedAt.
        void Later() => App.Clock.Advance(TimeSpan.FromMinutes(1));
        Later();
        var received = await App.SendAsync<DonationWritten>(await Facilitator(App), new ReceiveDonation(pledge.DonationId, pledge.Version, " ۱۰۴ ", Today(App)));
        Assert.Equal((DonationStatus.Received, "104"), ((await ReadDonationAsync(App, pledge.DonationId)).Status, (await ReadDonationAsync(App, pledge.DonationId)).ReceiptNumber));

        Later();
        var (first, firstAllocation) = await AllocateAsync(App, received, 4_000_000, p.Pardisan, needId: need);
        Assert.Equal(DonationStatus.Received, (await ReadDonationAsync(App, pledge.DonationId)).Status);
        Later();
        var (second, secondAllocation) = await AllocateAsync(App, first, 6_000_000, p.Qods, dutyId: duty);
        Assert.Equal(DonationStatus.Allocated, (await ReadDonationAsync(App, pledge.DonationId)).Status);

        var facilitator = await Facilitator(App);
        Later();
        var delivered = await App.SendAsync<DonationWritten>(facilitator, new DeliverAllocation(pledge.DonationId, firstAllocation, second.Version, Today(App)));
        Later();
        delivered = await App.SendAsync<DonationWritten>(facilitator, new DeliverAllocation(pledge.DonationId, secondAllocation, delivered.Version, Today(App)));
        donation = await ReadDonationAsync(App, pledge.DonationId);
        Assert.Equal(DonationStatus.Delivered, donation.Status);
        Assert.All(donation.Allocations, a => Assert.Equal(AllocationStatus.Delivered, a.Status));
        Assert.Equal([(p.Pardisan, (int?)need, (int?)null), (p.Qods, null, (int?)duty)], donation.Allocations.OrderBy(a => a.Id).Select(a => (a.NeighbourhoodId, a.NeedId, a.DutyId)));

        // A story of the allocation's neighbourhood is linked to the delivered allocation.
        var story = await StoryScene.DraftAsync(App, p.Pardisan);
        Later();
        await App.SendAsync<DonationWritten>(facilitator, new LinkAllocationStory(pledge.DonationId, firstAllocation, delivered.Version, story.StoryId));
        Assert.Equal((int?)story.StoryId, (await ReadDonationAsync(App, pledge.DonationId)).Allocations.Single(a => a.Id == firstAllocation).StoryId);

        var events = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "Donation" && e.SubjectId == pledge.DonationId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, .. Enumerable.Repeat(AuditAction.Changed, 6)], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(p.Qom, e.ProvinceId));
    }

    [Fact]
    public async Task A_gift_in_hand_in_kind_is_recorded_received_and_a_pledge_is_cancelled_with_its_reason()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        var gift = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre,
            Gift(App, 40, "۵۵-ک", kind: DonationKind.InKind, item: AidItem.FoodPackage, donorKind: DonorKind.Company, donor: "شرکت نان سحر"));
        var donation = await ReadDonationAsync(App, gift.DonationId);
        Assert.Equal((DonationStatus.Received, "55-ک", (AidItem?)AidItem.FoodPackage, 40L), (donation.Status, donation.ReceiptNumber, donation.Item, donation.Amount));

        var pledge = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Pledge(App));
        await App.SendAsync<DonationWritten>(await Facilitator(App), new CancelPledge(pledge.DonationId, pledge.Version, " نیکوکار منصرف شد "));
        donation = await ReadDonationAsync(App, pledge.DonationId);
        Assert.Equal((DonationStatus.Cancelled, "نیکوکار منصرف شد"), (donation.Status, donation.CancelReason));
    }

    [Fact]
    public async Task A_donation_outside_the_window_in_the_future_of_no_amount_or_with_a_receipt_number_taken_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: "A-7"));
        var pledge = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Pledge(App));
        var facilitator = await Facilitator(App);
        var before = await FingerprintAsync(App);

        async Task<RequestRefusedException> Refused(Mediator.IMessage request) =>
            await Assert.ThrowsAnyAsync<RequestRefusedException>(() => App.SendAsync<DonationWritten>(facilitator, request));
        Assert.Equal(Text.Get("Donation.OutsideWindow"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: "B-1", on: Today(App).AddDays(-11))))).Message);
        Assert.Equal(Text.Get("Donation.DayInFuture"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Pledge(App, on: Today(App).AddDays(1))))).Message);
        Assert.Contains(Text.Get("Donation.AmountNotPositive"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, 0, "B-2")))).Message);
        Assert.Contains(Text.Get("Donation.AmountNotPositive"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, -5, "B-3")))).Message);
        // The same number again, typed with Persian digits and spaces, is still the same receipt.
        Assert.Equal(Text.Get("Donation.ReceiptTaken"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: " A-۷ ")))).Message);
        Assert.Equal(Text.Get("Donation.ReceiptTaken"), (await Refused(new ReceiveDonation(pledge.DonationId, pledge.Version, "A-7", Today(App)))).Message);
        Assert.Equal(Text.Get("Donation.OutsideWindow"), (await Refused(new ReceiveDonation(pledge.DonationId, pledge.Version, "B-4", Today(App).AddDays(-20)))).Message);
        Assert.Contains(Text.Get("Donation.ReceiptRequired"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: " ")))).Message);
        Assert.Contains(Text.Get("Donation.DonorNameRequired"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: "B-5", donor: "")))).Message);
        Assert.Contains(Text.Get("Donation.ItemOnlyForInKind"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: "B-6", kind: DonationKind.InKind)))).Message);
        Assert.Contains(Text.Get("Donation.KindInvalid"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: "B-7", kind: (DonationKind)9)))).Message);
        Assert.Contains(Text.Get("Donation.AmountTooLarge"), (await Refused(new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, Donation.MaxAmount + 1, "B-8")))).Message);
        Assert.Contains(Text.Get("Donation.ReasonRequired"), (await Refused(new CancelPledge(pledge.DonationId, pledge.Version, " "))).Message);
        Assert.Contains(Text.Get("Donation.VersionRequired"), (await Refused(new CancelPledge(pledge.DonationId, Guid.Empty, "دلیل"))).Message);
        Assert.Equal(Text.Get("Donation.Stale"), (await Refused(new CancelPledge(pledge.DonationId, Guid.NewGuid(), "دلیل"))).Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Allocating_more_than_received_elsewhere_or_to_a_need_duty_or_story_of_another_place_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        // A campaign of Pardisan alone among Pardisan's centre's neighbourhoods: Shahrak-e Qods is served but outside it.
        var campaign = await App.SendAsync<CampaignWritten>(await Officer(App), new Salam.Application.Campaigns.Commands.CreateCampaign.CreateCampaign(
            Draft(App, [p.PardisanCentre]), CampaignScope.Neighbourhoods, p.Qom, null, [p.Pardisan]));
        var gift = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, 10_000_000, "C-1"));
        var pledge = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Pledge(App));
        var qodsNeed = await NeedAsync(p.Qods);
        var proposedNeed = await NeedAsync(p.Pardisan, approved: false);
        var qodsDuty = await StoryScene.DoneDutyAsync(App, p.Qods, done: false);
        var doneDuty = await StoryScene.DoneDutyAsync(App, p.Pardisan);
        var (allocated, allocation) = await AllocateAsync(App, gift, 7_000_000, p.Pardisan);
        var qodsStory = await StoryScene.DraftAsync(App, p.Qods);
        var facilitator = await Facilitator(App);
        await App.SendAsync<DonationWritten>(facilitator, new DeliverAllocation(gift.DonationId, allocation, allocated.Version, Today(App)));
        allocated = new DonationWritten(gift.DonationId, (await ReadDonationAsync(App, gift.DonationId)).Version);
        var before = await FingerprintAsync(App);

        AllocateDonation Allocate(long amount, int neighbourhood, int? need = null, int? duty = null, DonationWritten? of = null) =>
            new((of ?? allocated).DonationId, (of ?? allocated).Version, amount, neighbourhood, need, duty, "یادداشت");
        async Task<RequestRefusedException> Refused(Mediator.IMessage request) =>
            await Assert.ThrowsAnyAsync<RequestRefusedException>(() => App.SendAsync<DonationWritten>(facilitator, request));
        Assert.Equal(Text.Get("Allocation.MoreThanReceived", 3_000_000L), (await Refused(Allocate(3_000_001, p.Pardisan))).Message);
        Assert.Equal(Text.Get("Allocation.NotReceived"), (await Refused(Allocate(1, p.Pardisan, of: pledge))).Message);
        Assert.Equal(Text.Get("Allocation.NeighbourhoodOutsideCampaign"), (await Refused(Allocate(1, p.Qods))).Message);
        Assert.Equal(Text.Get("Allocation.NeedElsewhere"), (await Refused(Allocate(1, p.Pardisan, need: qodsNeed))).Message);
        Assert.Equal(Text.Get("Allocation.NeedElsewhere"), (await Refused(Allocate(1, p.Pardisan, need: proposedNeed))).Message);
        Assert.Equal(Text.Get("Allocation.DutyElsewhere"), (await Refused(Allocate(1, p.Pardisan, duty: qodsDuty))).Message);
        Assert.Equal(Text.Get("Allocation.DutyElsewhere"), (await Refused(Allocate(1, p.Pardisan, duty: doneDuty))).Message);
        Assert.Contains(Text.Get("Allocation.AmountNotPositive"), (await Refused(Allocate(0, p.Pardisan))).Message);
        Assert.Contains(Text.Get("Allocation.NeedOrDuty"), (await Refused(Allocate(1, p.Pardisan, proposedNeed, doneDuty))).Message);
        Assert.Contains(Text.Get("Allocation.NoteRequired"), (await Refused(new AllocateDonation(gift.DonationId, allocated.Version, 1, p.Pardisan, null, null, " "))).Message);
        Assert.Equal(Text.Get("Allocation.StoryElsewhere"), (await Refused(new LinkAllocationStory(gift.DonationId, allocation, allocated.Version, qodsStory.StoryId))).Message);
        Assert.Equal(Text.Get("Allocation.AlreadyDelivered"), (await Refused(new DeliverAllocation(gift.DonationId, allocation, allocated.Version, Today(App)))).Message);
        Assert.Equal(Text.Get("Allocation.DeliveredInFuture"), (await Refused(new DeliverAllocation(gift.DonationId, allocation, allocated.Version, Today(App).AddDays(1)))).Message);
        Assert.Equal(Text.Get("Donation.Stale"), (await Refused(Allocate(1, p.Pardisan) with { Version = gift.Version })).Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Another_centre_another_province_tampered_ids_residents_and_agency_managers_are_forbidden_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var qom = await QomCampaignAsync(App, p);
        var national = await NationalCampaignAsync(App, p);
        var gift = await RecordAsync(App, qom.CampaignId, p.PardisanCentre, Gift(App, 10_000_000, "D-1"));
        var (allocated, allocation) = await AllocateAsync(App, gift, 1_000_000, p.Pardisan);
        var sariGift = await RecordAsync(App, national.CampaignId, p.SariCentre, Gift(App, 5_000_000, "S-1"), await App.PrincipalOfAsync("facilitator.sari"));
        var sariAllocation = await App.ReadAsync(db => db.Allocations.CountAsync());
        var resident = await App.ResidentPrincipalAsync(Infrastructure.Persistence.Seeding.DemoDataSeeder.FirstResidentMobile);
        var facilitator = await Facilitator(App);
        var sari = await App.PrincipalOfAsync("facilitator.sari");
        var before = await FingerprintAsync(App);

        // Recording for another centre of the same campaign (Safashahr) or of another province, or into a campaign the centre is not in.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(facilitator, new RecordDonation(qom.CampaignId, p.SafashahrCentre, Gift(App, receipt: "E-1"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(facilitator, new RecordDonation(national.CampaignId, p.SariCentre, Gift(App, receipt: "E-2"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(sari, new RecordDonation(qom.CampaignId, p.SariCentre, Gift(App, receipt: "E-3"))));
        // Tampered donation and allocation ids: Sari's facilitator on Pardisan's gift; Pardisan's facilitator delivering its own
        // donation's id with an allocation of another donation.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(sari, new AllocateDonation(gift.DonationId, allocated.Version, 1, p.SarvinehBagh, null, null, "x")));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(sari, new DeliverAllocation(gift.DonationId, allocation, allocated.Version, Today(App))));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(sari, new ReceiveDonation(gift.DonationId, allocated.Version, "F-1", Today(App))));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(sari, new CancelPledge(gift.DonationId, allocated.Version, "x")));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(facilitator, new AllocateDonation(sariGift.DonationId, sariGift.Version, 1, p.Pardisan, null, null, "x")));
        Assert.Equal(Text.Get("Allocation.NotFound"), (await Assert.ThrowsAnyAsync<RequestRefusedException>(() =>
            App.SendAsync<DonationWritten>(facilitator, new DeliverAllocation(gift.DonationId, sariAllocation + 1000, allocated.Version, Today(App))))).Message);
        // A neighbourhood the centre does not serve: another centre's is out of reach.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(facilitator, new AllocateDonation(gift.DonationId, allocated.Version, 1, p.Safashahr, null, null, "x")));
        // Officers, the ministry, agency managers, residents and strangers record nothing.
        foreach (var who in new[] { "officer.qom", "ministry", "agency.qom.welfare", "admin" })
            await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<DonationWritten>(await App.PrincipalOfAsync(who),
                new RecordDonation(qom.CampaignId, p.PardisanCentre, Gift(App, receipt: "G-1"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(resident, new RecordDonation(qom.CampaignId, p.PardisanCentre, Gift(App, receipt: "G-2"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<DonationWritten>(Anonymous, new RecordDonation(qom.CampaignId, p.PardisanCentre, Gift(App, receipt: "G-3"))));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<DonationWritten>(facilitator, new CancelPledge(int.MaxValue, allocated.Version, "x")));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Two_allocations_of_the_last_rials_at_once_give_one_and_refuse_the_other_as_changed_meanwhile()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        var gift = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, 1_000, "RACE-1"));
        var facilitator = await Facilitator(App);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Try(() =>
            App.SendAsync<DonationWritten>(facilitator, new AllocateDonation(gift.DonationId, gift.Version, 1_000, p.Pardisan, null, null, "همه")))));
        Assert.Single(attempts, a => a is null);
        Assert.Equal(Text.Get("Donation.Stale"), Assert.Single(attempts.OfType<RequestRefusedException>()).Message);
        var donation = await ReadDonationAsync(App, gift.DonationId);
        Assert.Equal((1_000L, DonationStatus.Allocated), (donation.Allocations.Sum(a => a.Amount), donation.Status));
    }

    [Fact]
    public async Task Two_gifts_with_one_receipt_number_at_once_keep_one_and_refuse_the_other()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        var facilitator = await Facilitator(App);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Try(() =>
            App.SendAsync<DonationWritten>(facilitator, new RecordDonation(campaign.CampaignId, p.PardisanCentre, Gift(App, 1_000 + i, "TWIN-1"))))));
        Assert.Single(attempts, a => a is null);
        Assert.Equal(Text.Get("Donation.ReceiptTaken"), Assert.Single(attempts.OfType<RequestRefusedException>()).Message);
        Assert.Equal(1, await App.ReadAsync(db => db.Donations.CountAsync(d => d.ReceiptNumber == "TWIN-1")));
    }

    [Fact]
    public async Task A_donation_read_before_another_allocation_was_saved_cannot_save_its_own_it_is_told_it_changed_meanwhile()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        var gift = await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, 1_000, "STALE-1"));

        // One request has read the donation (1,000 rials unallocated) when another gives it all out and saves first.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.SalamDbContext>();
        var stale = await db.Donations.Include(d => d.Allocations).SingleAsync(d => d.Id == gift.DonationId);
        await AllocateAsync(App, gift, 1_000, p.Pardisan);
        stale.Allocate(1_000, p.Qods, null, null, "دوباره", 1, App.Clock.GetUtcNow());

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => db.SaveDonationAsync(stale, CancellationToken.None));
        Assert.Equal(Text.Get("Donation.Stale"), refused.Message);
        var donation = await ReadDonationAsync(App, gift.DonationId);
        Assert.Equal([(p.Pardisan, 1_000L)], donation.Allocations.Select(a => (a.NeighbourhoodId, a.Amount)));
    }

    private static async Task<Exception?> Try(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
