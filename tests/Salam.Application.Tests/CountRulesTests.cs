using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Rounds.Commands.ChangeRoundRules;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.SetRoundNeedCost;
using Salam.Domain.Needs;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Tests;

/// <summary>The counting rules (K, method, budget, costs) are the draft's to change and locked once the round opens; bad input is refused with a translated message.</summary>
public sealed class CountRulesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_drafts_method_budget_and_costs_change_and_stay_changed()
    {
        var (roundId, needs) = await DraftAsync("پیش‌نویس");
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");

        await App.SendAsync<Unit>(facilitator, new SetRoundNeedCost(roundId, needs[0], 1_500_000));
        await App.SendAsync<Unit>(facilitator, new ChangeRoundRules(roundId, 2, CountingMethod.EqualShares, 5_000_000));

        var round = await App.ReadAsync(db => db.PriorityRounds.AsNoTracking().Include(r => r.Needs).SingleAsync(r => r.Id == roundId));
        Assert.Equal((2, CountingMethod.EqualShares, (long?)5_000_000), (round.MaxRanks, round.Method, round.Budget));
        Assert.Equal(1_500_000, round.Needs.Single(n => n.NeedId == needs[0]).Cost);
    }

    [Fact]
    public async Task Rules_and_costs_of_an_opened_round_are_locked_and_nothing_is_written()
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (roundId, needs) = await App.OpenRoundWithBallotsAsync("دور قفل", online: 0);
        var before = await App.CountFingerprintAsync();

        var rules = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new ChangeRoundRules(roundId, 2, CountingMethod.Schulze, null)));
        var cost = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Unit>(facilitator, new SetRoundNeedCost(roundId, needs[0], 10)));
        Assert.Equal(Text.Get("Round.RulesLocked"), rules.Message);
        Assert.Equal(Text.Get("Round.RulesLocked"), cost.Message);
        Assert.Equal(before, await App.CountFingerprintAsync());
    }

    [Fact]
    public async Task Bad_rules_and_costs_are_refused_with_a_translated_message_and_nothing_is_written()
    {
        var (roundId, needs) = await DraftAsync("پیش‌نویس نادرست");
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var now = App.Clock.GetUtcNow();
        var neighbourhood = await App.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).Select(r => r.NeighbourhoodId).SingleAsync());
        var before = await App.CountFingerprintAsync();

        async Task Refused(IMessage command, string key, params object[] args)
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<object>(facilitator, command));
            Assert.Contains(Text.Get(key, args), refused.Errors.SelectMany(e => e.Value));
        }
        await Refused(new ChangeRoundRules(roundId, 3, CountingMethod.EqualShares, null), "Round.BudgetRequired");
        await Refused(new ChangeRoundRules(roundId, 3, CountingMethod.Borda, 1000), "Round.BudgetOnlyForEqualShares");
        await Refused(new ChangeRoundRules(roundId, 3, (CountingMethod)9, null), "Round.MethodUnknown");
        await Refused(new ChangeRoundRules(roundId, 0, CountingMethod.Borda, null), "Round.MaxRanksOutOfRange", 1, 20);
        await Refused(new SetRoundNeedCost(roundId, needs[0], 0), "Round.CostMustBePositive");
        await Refused(new CreateRound(neighbourhood, "x", now, now.AddDays(1), 3, needs, CountingMethod.EqualShares), "Round.BudgetRequired");
        await Refused(new CreateRound(neighbourhood, "x", now, now.AddDays(1), 3, needs, CountingMethod.Schulze, 100), "Round.BudgetOnlyForEqualShares");
        await Refused(new CreateRound(neighbourhood, "x", now, now.AddDays(1), 3, needs, (CountingMethod)9), "Round.MethodUnknown");
        await Refused(new CreateRound(neighbourhood, "x", now, now.AddDays(1), 3, needs, CountingMethod.EqualShares, 100, [new NeedCost(needs[0], 0)]), "Round.CostMustBePositive");
        await Refused(new CreateRound(neighbourhood, "x", now, now.AddDays(1), 3, needs[1..], CountingMethod.EqualShares, 100, [new NeedCost(needs[0], 5)]), "Ballot.NeedNotOnRound");
        Assert.Equal(before, await App.CountFingerprintAsync());
    }

    [Fact]
    public async Task Another_centres_facilitator_cannot_change_the_rules_and_nothing_is_written()
    {
        var (roundId, needs) = await DraftAsync("پیش‌نویس دیگری");
        var sari = await App.PrincipalOfAsync("facilitator.sari");
        var before = await App.CountFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(sari, new ChangeRoundRules(roundId, 2, CountingMethod.Schulze, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(sari, new SetRoundNeedCost(roundId, needs[0], 10)));
        Assert.Equal(before, await App.CountFingerprintAsync());
    }

    /// <summary>A drafted (not opened) Pardisan round of two fresh approved needs.</summary>
    private async Task<(int RoundId, List<int> NeedIds)> DraftAsync(string title)
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var pardisan = await App.PardisanIdAsync();
        var proposer = await App.NewResidentAsync(pardisan);
        var needs = new List<int>();
        foreach (var suffix in new[] { "یک", "دو" })
        {
            var id = await App.SendAsync<int>(proposer, new ProposeNeed(pardisan, $"{title} {suffix}", "", NeedCategory.Education, null));
            await App.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Approve));
            needs.Add(id);
        }
        var now = App.Clock.GetUtcNow();
        return (await App.SendAsync<int>(facilitator, new CreateRound(pardisan, title, now, now.AddDays(3), 3, needs)), needs);
    }
}
