using Salam.Domain.Campaigns;
using Salam.Domain.Common;

namespace Salam.Domain.Tests.Campaigns;

public sealed class CampaignRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 2, 1);
    private static readonly DateOnly End = new(2027, 3, 1);

    private static Campaign Make(CampaignScope scope = CampaignScope.Province, int? province = 1, int? county = null, int[]? neighbourhoods = null,
        string name = " مثبت ماه ", DateOnly? starts = null, DateOnly? ends = null, long? goal = 500_000_000, CampaignItemGoal[]? items = null,
        int[]? centres = null, string description = "کمک به خانواده‌ها") =>
        new(name, description, starts ?? Start, ends ?? End, scope, province, county, neighbourhoods ?? [], goal, items ?? [], centres ?? [3, 4], 7, Now);

    private static void Refused(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void A_campaign_is_trimmed_holds_its_goals_and_centres_once_each_and_has_a_version()
    {
        var campaign = Make(items: [new CampaignItemGoal(AidItem.FoodPackage, 200)], centres: [3, 4, 3]);
        Assert.Equal(("مثبت ماه", CampaignScope.Province, (int?)1, (long?)500_000_000), (campaign.Name, campaign.Scope, campaign.ProvinceId, campaign.GoalRials));
        Assert.Equal([3, 4], campaign.Centres.Select(c => c.CentreId));
        Assert.Equal((AidItem.FoodPackage, 200), (campaign.ItemGoals.Single().Item, campaign.ItemGoals.Single().Count));
        Assert.NotEqual(Guid.Empty, campaign.Version);
        Assert.True(campaign.TakesPart(3));
        Assert.False(campaign.TakesPart(5));
    }

    [Fact]
    public void The_window_includes_its_first_and_last_day_only()
    {
        var campaign = Make();
        Assert.True(campaign.Covers(Start));
        Assert.True(campaign.Covers(End));
        Assert.False(campaign.Covers(Start.AddDays(-1)));
        Assert.False(campaign.Covers(End.AddDays(1)));
    }

    public static TheoryData<CampaignScope, int?, int?, int[]> PlacesThatDoNotFit => new()
    {
        { CampaignScope.National, 1, null, [] },
        { CampaignScope.National, null, null, [5] },
        { CampaignScope.Province, null, null, [] },
        { CampaignScope.Province, 1, 2, [] },
        { CampaignScope.County, 1, null, [] },
        { CampaignScope.County, 1, 2, [5] },
        { CampaignScope.Neighbourhoods, 1, null, [] },
        { CampaignScope.Neighbourhoods, null, null, [5] },
        { CampaignScope.Neighbourhoods, 1, 2, [5] },
    };

    [Theory]
    [MemberData(nameof(PlacesThatDoNotFit))]
    public void Places_that_do_not_fit_the_scope_are_refused(CampaignScope scope, int? province, int? county, int[] neighbourhoods) =>
        Refused("Campaign.PlaceDoesNotFitScope", () => Make(scope, province, county, neighbourhoods));

    [Fact]
    public void Every_scope_with_its_own_places_is_accepted()
    {
        Assert.True(Make(CampaignScope.National, null).IsNational);
        Assert.Equal((int?)2, Make(CampaignScope.County, 1, 2).CountyId);
        Assert.Equal([5, 6], Make(CampaignScope.Neighbourhoods, 1, null, [5, 6, 5]).Neighbourhoods.Select(n => n.NeighbourhoodId));
    }

    [Fact]
    public void Every_broken_rule_of_a_campaign_has_its_code()
    {
        Refused("Campaign.ScopeInvalid", () => Make((CampaignScope)9));
        Refused("Campaign.NameRequired", () => Make(name: "  "));
        Refused("Campaign.NameTooLong", () => Make(name: new string('ن', Campaign.MaxNameLength + 1)));
        Refused("Campaign.DescriptionTooLong", () => Make(description: new string('ن', Campaign.MaxDescriptionLength + 1)));
        Refused("Campaign.EndsBeforeStart", () => Make(starts: End, ends: Start));
        Refused("Campaign.TooLong", () => Make(ends: Start.AddDays(Campaign.MaxDays)));
        Refused("Campaign.GoalNotPositive", () => Make(goal: 0));
        Refused("Campaign.GoalNotPositive", () => Make(goal: -1));
        Refused("Campaign.ItemGoalInvalid", () => Make(items: [new CampaignItemGoal(AidItem.Clothing, 0)]));
        Refused("Campaign.ItemGoalInvalid", () => Make(items: [new CampaignItemGoal((AidItem)42, 3)]));
        Refused("Campaign.ItemGoalTwice", () => Make(items: [new CampaignItemGoal(AidItem.Clothing, 3), new CampaignItemGoal(AidItem.Clothing, 4)]));
        Refused("Campaign.GoalRequired", () => Make(goal: null));
        Refused("Campaign.CentresRequired", () => Make(centres: []));
        // The longest window allowed, and a goods-only campaign, are fine.
        Assert.Equal(Campaign.MaxDays, Make(ends: Start.AddDays(Campaign.MaxDays - 1)).EndsOn.DayNumber - Start.DayNumber + 1);
        Assert.Null(Make(goal: null, items: [new CampaignItemGoal(AidItem.SchoolKit, 50)]).GoalRials);
    }

    [Fact]
    public void Revising_renews_the_version_and_resets_goals_and_centres_but_keeps_the_scope()
    {
        var campaign = Make(items: [new CampaignItemGoal(AidItem.FoodPackage, 200)]);
        var version = campaign.Version;
        campaign.Revise("سلام محله", "", Start.AddDays(1), End.AddDays(5), null, [new CampaignItemGoal(AidItem.Clothing, 10)], [4]);
        Assert.NotEqual(version, campaign.Version);
        Assert.Equal(("سلام محله", Start.AddDays(1), End.AddDays(5), (long?)null, CampaignScope.Province), (campaign.Name, campaign.StartsOn, campaign.EndsOn, campaign.GoalRials, campaign.Scope));
        Assert.Equal([AidItem.Clothing], campaign.ItemGoals.Select(g => g.Item));
        Assert.Equal([4], campaign.Centres.Select(c => c.CentreId));
        Assert.Equal("Campaign.Stale", Assert.Throws<DomainException>(() => campaign.EnsureSeen(version)).Code);
        campaign.EnsureSeen(campaign.Version);
    }
}
