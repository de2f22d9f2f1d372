using Salam.Domain.Audit;
using Salam.Domain.Common;

namespace Salam.Domain.Campaigns;

/// <summary>Where a campaign runs: the whole country, one province, one county, or chosen neighbourhoods of one province.</summary>
public enum CampaignScope { National = 0, Province = 1, County = 2, Neighbourhoods = 3 }

/// <summary>Goods given in kind, counted by kind against a campaign's goals.</summary>
public enum AidItem { FoodPackage = 0, SchoolKit = 1, Clothing = 2, Medicine = 3, HeatingFuel = 4, HouseholdGoods = 5, Other = 6 }

/// <summary>
/// A donation campaign («مثبت ماه» in Ramadan, «سلام محله» in Bahman): a window of Jalali days, a scope, goals in rials and
/// in items, and the centres taking part, which alone record its donations. A provincial officer creates one for their
/// province; ministry staff create national ones (or any).
/// </summary>
public sealed class Campaign : Entity, IAudited
{
    public const int MaxNameLength = 150;
    public const int MaxDescriptionLength = 2000;
    public const int MaxDays = 366;

    private Campaign() { }

    public Campaign(string name, string description, DateOnly startsOn, DateOnly endsOn, CampaignScope scope, int? provinceId, int? countyId,
        IReadOnlyCollection<int> neighbourhoodIds, long? goalRials, IReadOnlyCollection<CampaignItemGoal> itemGoals, IReadOnlyCollection<int> centreIds,
        int createdByUserId, DateTimeOffset at)
    {
        if (!Enum.IsDefined(scope)) throw new DomainException("Campaign.ScopeInvalid");
        // The place fields must match the scope exactly, so a campaign is never read as wider or narrower than it was made.
        var placesFit = scope switch
        {
            CampaignScope.National => provinceId is null && countyId is null && neighbourhoodIds.Count == 0,
            CampaignScope.Province => provinceId is not null && countyId is null && neighbourhoodIds.Count == 0,
            CampaignScope.County => provinceId is not null && countyId is not null && neighbourhoodIds.Count == 0,
            _ => provinceId is not null && countyId is null && neighbourhoodIds.Count > 0,
        };
        if (!placesFit) throw new DomainException("Campaign.PlaceDoesNotFitScope");
        Scope = scope;
        ProvinceId = provinceId;
        CountyId = countyId;
        Neighbourhoods = [.. neighbourhoodIds.Distinct().Select(id => new CampaignNeighbourhood(id))];
        CreatedByUserId = createdByUserId;
        CreatedAt = at;
        Revise(name, description, startsOn, endsOn, goalRials, itemGoals, centreIds);
    }

    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>The first and last day (Tehran) on which donations count; both inclusive.</summary>
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public CampaignScope Scope { get; private set; }

    /// <summary>None for a national campaign.</summary>
    public int? ProvinceId { get; private set; }
    public int? CountyId { get; private set; }
    public List<CampaignNeighbourhood> Neighbourhoods { get; private set; } = [];

    /// <summary>The money goal in whole rials; none when the campaign collects goods only.</summary>
    public long? GoalRials { get; private set; }
    public List<CampaignItemGoal> ItemGoals { get; private set; } = [];
    public List<CampaignCentre> Centres { get; private set; } = [];
    public int CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change.</summary>
    public Guid Version { get; private set; }

    public bool IsNational => Scope == CampaignScope.National;

    /// <summary>Renames, moves the window, resets the goals and the centres taking part (the scope stays as made).</summary>
    public void Revise(string name, string description, DateOnly startsOn, DateOnly endsOn, long? goalRials,
        IReadOnlyCollection<CampaignItemGoal> itemGoals, IReadOnlyCollection<int> centreIds)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Campaign.NameRequired");
        if (name.Trim().Length > MaxNameLength) throw new DomainException("Campaign.NameTooLong", MaxNameLength);
        if ((description?.Trim().Length ?? 0) > MaxDescriptionLength) throw new DomainException("Campaign.DescriptionTooLong", MaxDescriptionLength);
        if (endsOn < startsOn) throw new DomainException("Campaign.EndsBeforeStart");
        if (endsOn.DayNumber - startsOn.DayNumber + 1 > MaxDays) throw new DomainException("Campaign.TooLong", MaxDays);
        if (goalRials is <= 0) throw new DomainException("Campaign.GoalNotPositive");
        if (itemGoals.Any(g => !Enum.IsDefined(g.Item) || g.Count <= 0)) throw new DomainException("Campaign.ItemGoalInvalid");
        if (itemGoals.GroupBy(g => g.Item).Any(g => g.Count() > 1)) throw new DomainException("Campaign.ItemGoalTwice");
        if (goalRials is null && itemGoals.Count == 0) throw new DomainException("Campaign.GoalRequired");
        if (centreIds.Count == 0) throw new DomainException("Campaign.CentresRequired");
        Name = name.Trim();
        Description = description?.Trim() ?? "";
        StartsOn = startsOn;
        EndsOn = endsOn;
        GoalRials = goalRials;
        ItemGoals = [.. itemGoals.Select(g => new CampaignItemGoal(g.Item, g.Count))];
        // The handler refuses to drop a centre that recorded donations: they must stay in a campaign it is part of.
        Centres = [.. centreIds.Distinct().Select(id => new CampaignCentre(id))];
        Version = Guid.NewGuid();
    }

    public bool TakesPart(int centreId) => Centres.Any(c => c.CentreId == centreId);

    public bool Covers(DateOnly day) => day >= StartsOn && day <= EndsOn;

    public void EnsureSeen(Guid version)
    {
        if (version != Version) throw new DomainException("Campaign.Stale");
    }
}

/// <summary>A neighbourhood a neighbourhoods-scoped campaign covers.</summary>
public sealed class CampaignNeighbourhood
{
    private CampaignNeighbourhood() { }

    public CampaignNeighbourhood(int neighbourhoodId) => NeighbourhoodId = neighbourhoodId;

    public int CampaignId { get; private set; }
    public int NeighbourhoodId { get; private set; }
}

/// <summary>A centre taking part: its facilitators record the campaign's donations.</summary>
public sealed class CampaignCentre
{
    private CampaignCentre() { }

    public CampaignCentre(int centreId) => CentreId = centreId;

    public int CampaignId { get; private set; }
    public int CentreId { get; private set; }
}

/// <summary>How many of one kind of goods the campaign hopes for.</summary>
public sealed class CampaignItemGoal
{
    private CampaignItemGoal() { }

    public CampaignItemGoal(AidItem item, int count)
    {
        Item = item;
        Count = count;
    }

    public int CampaignId { get; private set; }
    public AidItem Item { get; private set; }
    public int Count { get; private set; }
}
