using Salam.Domain.Audit;
using Salam.Domain.Common;

namespace Salam.Domain.Campaigns;

/// <summary>Who gave: a person, a charity, an agency or a company.</summary>
public enum DonorKind { Individual = 0, Charity = 1, Agency = 2, Company = 3 }

/// <summary>What was given. Cash and vows (نذر) are counted in rials, goods in items of one <see cref="AidItem"/>, volunteer time in hours.</summary>
public enum DonationKind { Cash = 0, InKind = 1, Vow = 2, VolunteerTime = 3 }

/// <summary>
/// Pledged → Received → Allocated (all of it given out) → Delivered (every allocation delivered). A pledge may be cancelled.
/// A donation may be recorded as already received.
/// </summary>
public enum DonationStatus { Pledged = 0, Received = 1, Allocated = 2, Delivered = 3, Cancelled = 4 }

/// <summary>
/// A pledge or gift recorded by a centre taking part in a campaign. Amounts are whole numbers in the kind's unit (rials, items
/// or hours: <see cref="Amount"/>), never floating point. Allocations give out what was received, never more.
/// </summary>
public sealed class Donation : Entity, IAudited
{
    public const int MaxDonorNameLength = 150;
    public const int MaxReceiptNumberLength = 40;
    public const int MaxReasonLength = 500;

    /// <summary>A ceiling well above any real gift (10^15 rials), so sums of many stay far inside a 64-bit integer.</summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    /// <summary>
    /// The ceiling for goods (items) and volunteer time (hours) in one record: a million is far past any one gift, so a
    /// larger figure is a typing slip (the roll-up's 64-bit figures would carry it).
    /// </summary>
    public const long MaxCount = 1_000_000;

    /// <summary>The kinds counted in rials (money): the campaign's money goal, its sums and the roll-up read these.</summary>
    public static readonly DonationKind[] MoneyKinds = [DonationKind.Cash, DonationKind.Vow];

    /// <summary>The statuses of a donation in hand: what sums and roll-ups count as received.</summary>
    public static readonly DonationStatus[] InHandStatuses = [DonationStatus.Received, DonationStatus.Allocated, DonationStatus.Delivered];

    /// <summary>The largest amount a donation of this kind may carry.</summary>
    public static long MaxAmountOf(DonationKind kind) => MoneyKinds.Contains(kind) ? MaxAmount : MaxCount;

    private Donation() { }

    private Donation(Campaign campaign, int centreId, int provinceId, DonorKind donorKind, string donorName, bool anonymous, DonationKind kind,
        AidItem? item, long amount, DateOnly pledgedOn, int byUserId, DateTimeOffset at)
    {
        if (!campaign.TakesPart(centreId)) throw new DomainException("Donation.CentreNotInCampaign");
        if (!campaign.Covers(pledgedOn)) throw new DomainException("Donation.OutsideWindow");
        if (!Enum.IsDefined(donorKind)) throw new DomainException("Donation.DonorKindInvalid");
        if (!Enum.IsDefined(kind)) throw new DomainException("Donation.KindInvalid");
        if (string.IsNullOrWhiteSpace(donorName)) throw new DomainException("Donation.DonorNameRequired");
        if (donorName.Trim().Length > MaxDonorNameLength) throw new DomainException("Donation.DonorNameTooLong", MaxDonorNameLength);
        if ((kind == DonationKind.InKind) != (item is not null)) throw new DomainException("Donation.ItemOnlyForInKind");
        if (item is { } given && !Enum.IsDefined(given)) throw new DomainException("Donation.ItemInvalid");
        if (amount <= 0) throw new DomainException("Donation.AmountNotPositive");
        if (amount > MaxAmountOf(kind)) throw new DomainException("Donation.AmountTooLarge");
        CampaignId = campaign.Id;
        CentreId = centreId;
        ProvinceId = provinceId;
        DonorKind = donorKind;
        DonorName = donorName.Trim();
        Anonymous = anonymous;
        Kind = kind;
        Item = item;
        Amount = amount;
        PledgedOn = pledgedOn;
        RecordedByUserId = byUserId;
        RecordedAt = at;
        Status = DonationStatus.Pledged;
        Version = Guid.NewGuid();
    }

    /// <summary>A promise not yet in hand.</summary>
    public static Donation Pledge(Campaign campaign, int centreId, int provinceId, DonorKind donorKind, string donorName, bool anonymous,
        DonationKind kind, AidItem? item, long amount, DateOnly on, int byUserId, DateTimeOffset at) =>
        new(campaign, centreId, provinceId, donorKind, donorName, anonymous, kind, item, amount, on, byUserId, at);

    /// <summary>A gift in hand, with its receipt.</summary>
    public static Donation Receipt(Campaign campaign, int centreId, int provinceId, DonorKind donorKind, string donorName, bool anonymous,
        DonationKind kind, AidItem? item, long amount, string receiptNumber, DateOnly on, int byUserId, DateTimeOffset at)
    {
        var donation = new Donation(campaign, centreId, provinceId, donorKind, donorName, anonymous, kind, item, amount, on, byUserId, at);
        donation.Receive(campaign, receiptNumber, on, at);
        return donation;
    }

    public int CampaignId { get; private set; }

    /// <summary>The centre that recorded it; its province is kept so roll-ups and scope read one column.</summary>
    public int CentreId { get; private set; }
    public int ProvinceId { get; private set; }
    public DonorKind DonorKind { get; private set; }
    public string DonorName { get; private set; } = "";

    /// <summary>Shown as "a benefactor" everywhere outside the recording centre (public pages, officials' tables, exports).</summary>
    public bool Anonymous { get; private set; }
    public DonationKind Kind { get; private set; }
    public AidItem? Item { get; private set; }

    /// <summary>Whole rials (cash, vow), items (in kind) or hours (volunteer time).</summary>
    public long Amount { get; private set; }

    /// <summary>Unique per centre; given when the donation is received.</summary>
    public string? ReceiptNumber { get; private set; }
    public DateOnly PledgedOn { get; private set; }
    public DateOnly? ReceivedOn { get; private set; }
    public DonationStatus Status { get; private set; }
    public string? CancelReason { get; private set; }
    public int RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change: two allocations at once cannot both spend the last rial.</summary>
    public Guid Version { get; private set; }
    public List<Allocation> Allocations { get; private set; } = [];

    public bool InRials => MoneyKinds.Contains(Kind);
    public bool IsReceived => InHandStatuses.Contains(Status);
    public long AllocatedAmount => Allocations.Sum(a => a.Amount);
    public long Unallocated => IsReceived ? Amount - AllocatedAmount : 0;

    public void EnsureSeen(Guid version)
    {
        if (version != Version) throw new DomainException("Donation.Stale");
    }

    /// <summary>A pledge is received, on a day inside the campaign's window, with its receipt number.</summary>
    public void Receive(Campaign campaign, string receiptNumber, DateOnly on, DateTimeOffset at)
    {
        if (Status != DonationStatus.Pledged) throw new DomainException("Donation.NotPledged");
        if (!campaign.Covers(on)) throw new DomainException("Donation.OutsideWindow");
        if (on < PledgedOn) throw new DomainException("Donation.ReceivedBeforePledged");
        if (string.IsNullOrWhiteSpace(receiptNumber)) throw new DomainException("Donation.ReceiptRequired");
        if (receiptNumber.Trim().Length > MaxReceiptNumberLength) throw new DomainException("Donation.ReceiptTooLong", MaxReceiptNumberLength);
        ReceiptNumber = Digits.ToLatin(receiptNumber).Trim();
        ReceivedOn = on;
        Status = DonationStatus.Received;
        Changed(at);
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (Status != DonationStatus.Pledged) throw new DomainException("Donation.OnlyPledgeCancelled");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Donation.ReasonRequired");
        if (reason.Trim().Length > MaxReasonLength) throw new DomainException("Donation.ReasonTooLong", MaxReasonLength);
        CancelReason = reason.Trim();
        Status = DonationStatus.Cancelled;
        Changed(at);
    }

    /// <summary>Gives part or all of what was received to a neighbourhood (and, within it, optionally a need or a duty).</summary>
    public Allocation Allocate(long amount, int neighbourhoodId, int? needId, int? dutyId, string note, int byUserId, DateTimeOffset at)
    {
        if (!IsReceived) throw new DomainException("Allocation.NotReceived");
        if (amount <= 0) throw new DomainException("Allocation.AmountNotPositive");
        if (amount > Unallocated) throw new DomainException("Allocation.MoreThanReceived", Unallocated);
        var allocation = new Allocation(neighbourhoodId, needId, dutyId, amount, note, byUserId, at);
        Allocations.Add(allocation);
        SettleStatus();
        Changed(at);
        return allocation;
    }

    /// <summary>An allocation reached its neighbourhood; the donation is delivered once everything was given out and delivered.</summary>
    public void Deliver(int allocationId, DateOnly on, int byUserId, DateTimeOffset at)
    {
        var allocation = Allocations.SingleOrDefault(a => a.Id == allocationId) ?? throw new DomainException("Allocation.NotFound");
        if (on < ProgrammeCalendar.DayOf(allocation.AllocatedAt)) throw new DomainException("Allocation.DeliveredBeforeAllocated");
        if (on > ProgrammeCalendar.DayOf(at)) throw new DomainException("Allocation.DeliveredInFuture");
        allocation.Deliver(on, byUserId, at);
        SettleStatus();
        Changed(at);
    }

    /// <summary>A delivered allocation carries a success story about it.</summary>
    public void LinkStory(int allocationId, int storyId, DateTimeOffset at)
    {
        var allocation = Allocations.SingleOrDefault(a => a.Id == allocationId) ?? throw new DomainException("Allocation.NotFound");
        allocation.LinkStory(storyId);
        Changed(at);
    }

    private void SettleStatus()
    {
        if (Unallocated > 0) Status = DonationStatus.Received;
        else Status = Allocations.All(a => a.Status == AllocationStatus.Delivered) ? DonationStatus.Delivered : DonationStatus.Allocated;
    }

    private void Changed(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

public enum AllocationStatus { Allocated = 0, Delivered = 1 }

/// <summary>Part of a received donation given to a neighbourhood, optionally for one of its needs or duties.</summary>
public sealed class Allocation : Entity
{
    public const int MaxNoteLength = 500;

    private Allocation() { }

    internal Allocation(int neighbourhoodId, int? needId, int? dutyId, long amount, string note, int byUserId, DateTimeOffset at)
    {
        if (needId is not null && dutyId is not null) throw new DomainException("Allocation.NeedOrDuty");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Allocation.NoteRequired");
        if (note.Trim().Length > MaxNoteLength) throw new DomainException("Allocation.NoteTooLong", MaxNoteLength);
        NeighbourhoodId = neighbourhoodId;
        NeedId = needId;
        DutyId = dutyId;
        Amount = amount;
        Note = note.Trim();
        AllocatedByUserId = byUserId;
        AllocatedAt = at;
        Status = AllocationStatus.Allocated;
    }

    public int DonationId { get; private set; }
    public int NeighbourhoodId { get; private set; }
    public int? NeedId { get; private set; }
    public int? DutyId { get; private set; }

    /// <summary>In the donation's unit.</summary>
    public long Amount { get; private set; }
    public string Note { get; private set; } = "";
    public AllocationStatus Status { get; private set; }
    public int AllocatedByUserId { get; private set; }
    public DateTimeOffset AllocatedAt { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public int? DeliveredByUserId { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int? StoryId { get; private set; }

    internal void Deliver(DateOnly on, int byUserId, DateTimeOffset at)
    {
        if (Status == AllocationStatus.Delivered) throw new DomainException("Allocation.AlreadyDelivered");
        Status = AllocationStatus.Delivered;
        DeliveredOn = on;
        DeliveredByUserId = byUserId;
        DeliveredAt = at;
    }

    internal void LinkStory(int storyId)
    {
        if (Status != AllocationStatus.Delivered) throw new DomainException("Allocation.StoryBeforeDelivery");
        StoryId = storyId;
    }
}
