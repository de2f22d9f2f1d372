using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Common;

/// <summary>What a campaign is, as the create and revise forms send it.</summary>
public sealed record CampaignDraft(string Name, string Description, DateOnly StartsOn, DateOnly EndsOn, long? GoalRials,
    IReadOnlyList<ItemGoalInput> ItemGoals, IReadOnlyList<int> CentreIds);

public sealed record ItemGoalInput(AidItem Item, int Count);

public sealed record CampaignWritten(int CampaignId, Guid Version);

/// <summary>A pledge or a gift as the centre's form sends it; <see cref="Received"/> with a receipt number records it as in hand.</summary>
public sealed record DonationInput(DonorKind DonorKind, string DonorName, bool Anonymous, DonationKind Kind, AidItem? Item, long Amount,
    bool Received, string? ReceiptNumber, DateOnly On);

public sealed record DonationWritten(int DonationId, Guid Version);

/// <summary>Money in whole rials and goods in items, at one stage each (cancelled pledges are left out).</summary>
public sealed record CampaignFigures(long PledgedRials, long ReceivedRials, long AllocatedRials, long DeliveredRials,
    IReadOnlyList<ItemFigures> Items, long VolunteerHoursPledged, long VolunteerHoursReceived);

public sealed record ItemFigures(AidItem Item, int? Goal, long Pledged, long Received, long Allocated, long Delivered);

/// <summary>One province's or centre's line of a campaign's tables.</summary>
public sealed record CampaignPlaceRow(int Id, PlaceName Name, CampaignFigures Figures);

