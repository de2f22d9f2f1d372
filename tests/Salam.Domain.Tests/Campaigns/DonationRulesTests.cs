using Salam.Domain.Campaigns;
using Salam.Domain.Common;

namespace Salam.Domain.Tests.Campaigns;

public sealed class DonationRulesTests
{
    // 10:30 in Tehran on 1 February 2027: inside the window below.
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = ProgrammeCalendar.DayOf(Now);

    private static Campaign Campaign() =>
        new("مثبت ماه", "", Today.AddDays(-10), Today.AddDays(20), CampaignScope.Province, 1, null, [], 1_000_000_000, [], [3], 7, Now.AddDays(-30));

    private static Donation Pledge(DonationKind kind = DonationKind.Cash, AidItem? item = null, long amount = 12_500_000, string donor = " خانوادهٔ رضایی ",
        DonorKind donorKind = DonorKind.Individual, int centre = 3, DateOnly? on = null) =>
        Donation.Pledge(Campaign(), centre, 1, donorKind, donor, true, kind, item, amount, on ?? Today.AddDays(-2), 9, Now.AddDays(-2));

    private static Donation Received(long amount = 12_500_000) =>
        Donation.Receipt(Campaign(), 3, 1, DonorKind.Charity, "خیریهٔ امام رضا", false, DonationKind.Cash, null, amount, "۱۲۳-الف", Today.AddDays(-2), 9, Now.AddDays(-2));

    // Allocations get their ids from the database; here they are numbered by hand so Deliver can name one.
    private static Allocation Numbered(Allocation allocation, int id)
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(allocation, id);
        return allocation;
    }

    private static void Refused(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void A_pledge_is_recorded_trimmed_and_pledged_with_nothing_to_give_out()
    {
        var pledge = Pledge();
        Assert.Equal((DonationStatus.Pledged, "خانوادهٔ رضایی", 12_500_000L, 0L, (string?)null, true), (pledge.Status, pledge.DonorName, pledge.Amount, pledge.Unallocated, pledge.ReceiptNumber, pledge.Anonymous));
        Assert.True(pledge.InRials);
        Assert.False(pledge.IsReceived);
        Assert.NotEqual(Guid.Empty, pledge.Version);
    }

    [Fact]
    public void A_gift_in_hand_is_received_at_once_with_its_receipt_number_in_latin_digits()
    {
        var gift = Received();
        Assert.Equal((DonationStatus.Received, "123-الف", (DateOnly?)Today.AddDays(-2), 12_500_000L), (gift.Status, gift.ReceiptNumber, gift.ReceivedOn, gift.Unallocated));
    }

    [Fact]
    public void Every_broken_rule_of_a_new_donation_has_its_code()
    {
        Refused("Donation.CentreNotInCampaign", () => Pledge(centre: 4));
        Refused("Donation.OutsideWindow", () => Pledge(on: Today.AddDays(-11)));
        Refused("Donation.OutsideWindow", () => Pledge(on: Today.AddDays(21)));
        Refused("Donation.DonorKindInvalid", () => Pledge(donorKind: (DonorKind)9));
        Refused("Donation.KindInvalid", () => Pledge(kind: (DonationKind)9));
        Refused("Donation.DonorNameRequired", () => Pledge(donor: " "));
        Refused("Donation.DonorNameTooLong", () => Pledge(donor: new string('ن', Donation.MaxDonorNameLength + 1)));
        Refused("Donation.ItemOnlyForInKind", () => Pledge(DonationKind.InKind));
        Refused("Donation.ItemOnlyForInKind", () => Pledge(DonationKind.Cash, AidItem.Clothing));
        Refused("Donation.ItemInvalid", () => Pledge(DonationKind.InKind, (AidItem)42));
        Refused("Donation.AmountNotPositive", () => Pledge(amount: 0));
        Refused("Donation.AmountNotPositive", () => Pledge(amount: -5));
        Refused("Donation.AmountTooLarge", () => Pledge(amount: Donation.MaxAmount + 1));
        // Goods and hours are counted in 32-bit roll-up figures: a million per record at most.
        Refused("Donation.AmountTooLarge", () => Pledge(DonationKind.InKind, AidItem.Clothing, amount: Donation.MaxCount + 1));
        Refused("Donation.AmountTooLarge", () => Pledge(DonationKind.VolunteerTime, amount: Donation.MaxCount + 1));
        Assert.Equal(DonationStatus.Pledged, Pledge(DonationKind.InKind, AidItem.Clothing, amount: Donation.MaxCount).Status);
        // The first and last days of the window, the largest amount, and goods with their item are fine.
        Assert.Equal(DonationStatus.Pledged, Pledge(on: Today.AddDays(-10)).Status);
        Assert.Equal(DonationStatus.Pledged, Pledge(on: Today.AddDays(20), amount: Donation.MaxAmount).Status);
        Assert.False(Pledge(DonationKind.InKind, AidItem.FoodPackage, 40).InRials);
    }

    [Fact]
    public void Receiving_a_pledge_checks_the_day_and_the_receipt_and_happens_once()
    {
        var pledge = Pledge();
        var version = pledge.Version;
        Refused("Donation.OutsideWindow", () => pledge.Receive(Campaign(), "1", Today.AddDays(21), Now));
        Refused("Donation.ReceivedBeforePledged", () => pledge.Receive(Campaign(), "1", Today.AddDays(-3), Now));
        Refused("Donation.ReceiptRequired", () => pledge.Receive(Campaign(), "  ", Today, Now));
        Refused("Donation.ReceiptTooLong", () => pledge.Receive(Campaign(), new string('1', Donation.MaxReceiptNumberLength + 1), Today, Now));
        Assert.Equal((DonationStatus.Pledged, version), (pledge.Status, pledge.Version));

        pledge.Receive(Campaign(), " ۴۵ ", Today, Now);
        Assert.Equal((DonationStatus.Received, "45", (DateOnly?)Today, Now), (pledge.Status, pledge.ReceiptNumber, pledge.ReceivedOn, pledge.UpdatedAt));
        Assert.NotEqual(version, pledge.Version);
        Refused("Donation.NotPledged", () => pledge.Receive(Campaign(), "46", Today, Now));
    }

    [Fact]
    public void Only_a_pledge_is_cancelled_and_only_with_a_reason()
    {
        var pledge = Pledge();
        Refused("Donation.ReasonRequired", () => pledge.Cancel(" ", Now));
        Refused("Donation.ReasonTooLong", () => pledge.Cancel(new string('د', Donation.MaxReasonLength + 1), Now));
        pledge.Cancel(" نیکوکار منصرف شد ", Now);
        Assert.Equal((DonationStatus.Cancelled, "نیکوکار منصرف شد", 0L), (pledge.Status, pledge.CancelReason, pledge.Unallocated));
        Refused("Donation.OnlyPledgeCancelled", () => pledge.Cancel("دوباره", Now));
        Refused("Donation.NotPledged", () => pledge.Receive(Campaign(), "1", Today, Now));
        Refused("Donation.OnlyPledgeCancelled", () => Received().Cancel("اشتباه", Now));
    }

    [Fact]
    public void Pledged_to_received_to_partly_allocated_to_allocated_to_delivered()
    {
        var donation = Pledge(amount: 10_000_000);
        Refused("Allocation.NotReceived", () => donation.Allocate(1, 5, null, null, "یادداشت", 9, Now));
        donation.Receive(Campaign(), "77", Today, Now);

        var first = Numbered(donation.Allocate(4_000_000, 5, 40, null, " بستهٔ غذایی ", 9, Now), 1);
        Assert.Equal((DonationStatus.Received, 6_000_000L, 4_000_000L, "بستهٔ غذایی"), (donation.Status, donation.Unallocated, donation.AllocatedAmount, first.Note));
        var second = Numbered(donation.Allocate(6_000_000, 6, null, 50, "لوازم مدرسه", 9, Now.AddHours(1)), 2);
        Assert.Equal((DonationStatus.Allocated, 0L), (donation.Status, donation.Unallocated));

        donation.Deliver(1, Today, 9, Now.AddHours(2));
        Assert.Equal((DonationStatus.Allocated, AllocationStatus.Delivered, (DateOnly?)Today), (donation.Status, first.Status, first.DeliveredOn));
        donation.Deliver(2, Today, 9, Now.AddHours(3));
        Assert.Equal(DonationStatus.Delivered, donation.Status);
        Refused("Allocation.AlreadyDelivered", () => donation.Deliver(2, Today, 9, Now.AddHours(4)));
        Refused("Allocation.MoreThanReceived", () => donation.Allocate(1, 5, null, null, "بیشتر", 9, Now));
    }

    [Fact]
    public void A_delivered_part_and_an_undelivered_rest_leave_the_donation_received()
    {
        var donation = Received(10);
        Numbered(donation.Allocate(4, 5, null, null, "نیمی", 9, Now), 1);
        donation.Deliver(1, Today, 9, Now);
        // Delivered so far, but six rials still wait to be given out.
        Assert.Equal((DonationStatus.Received, 6L), (donation.Status, donation.Unallocated));
    }

    [Fact]
    public void Allocating_more_than_is_left_or_nothing_or_to_a_need_and_a_duty_at_once_is_refused_and_changes_nothing()
    {
        var donation = Received(10);
        Numbered(donation.Allocate(7, 5, null, null, "هفت", 9, Now), 1);
        var version = donation.Version;
        Assert.Equal(3L, Assert.Throws<DomainException>(() => donation.Allocate(4, 5, null, null, "چهار", 9, Now)).Args.Single());
        Refused("Allocation.MoreThanReceived", () => donation.Allocate(4, 5, null, null, "چهار", 9, Now));
        Refused("Allocation.AmountNotPositive", () => donation.Allocate(0, 5, null, null, "هیچ", 9, Now));
        Refused("Allocation.NeedOrDuty", () => donation.Allocate(1, 5, 40, 50, "هر دو", 9, Now));
        Refused("Allocation.NoteRequired", () => donation.Allocate(1, 5, null, null, " ", 9, Now));
        Refused("Allocation.NoteTooLong", () => donation.Allocate(1, 5, null, null, new string('ی', Allocation.MaxNoteLength + 1), 9, Now));
        Assert.Equal((1, 3L, version), (donation.Allocations.Count, donation.Unallocated, donation.Version));
    }

    [Fact]
    public void Delivery_is_on_a_day_between_the_allocation_and_today_of_an_allocation_that_exists()
    {
        var donation = Received(10);
        Numbered(donation.Allocate(10, 5, null, null, "همه", 9, Now), 1);
        Refused("Allocation.NotFound", () => donation.Deliver(2, Today, 9, Now));
        Refused("Allocation.DeliveredBeforeAllocated", () => donation.Deliver(1, Today.AddDays(-1), 9, Now));
        Refused("Allocation.DeliveredInFuture", () => donation.Deliver(1, Today.AddDays(1), 9, Now));
        Assert.Equal(DonationStatus.Allocated, donation.Status);
    }

    [Fact]
    public void Only_a_delivered_allocation_carries_a_story()
    {
        var donation = Received(10);
        var allocation = Numbered(donation.Allocate(10, 5, null, null, "همه", 9, Now), 1);
        Refused("Allocation.StoryBeforeDelivery", () => donation.LinkStory(1, 80, Now));
        Refused("Allocation.NotFound", () => donation.LinkStory(2, 80, Now));
        donation.Deliver(1, Today, 9, Now);
        var version = donation.Version;
        donation.LinkStory(1, 80, Now);
        Assert.Equal((int?)80, allocation.StoryId);
        Assert.NotEqual(version, donation.Version);
    }

    [Fact]
    public void A_stale_version_is_refused()
    {
        var donation = Pledge();
        var seen = donation.Version;
        donation.Receive(Campaign(), "1", Today, Now);
        Refused("Donation.Stale", () => donation.EnsureSeen(seen));
        donation.EnsureSeen(donation.Version);
    }
}
