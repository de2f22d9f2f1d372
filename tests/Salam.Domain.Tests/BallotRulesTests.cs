using Salam.Domain.Common;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;

namespace Salam.Domain.Tests;

public sealed class BallotRulesTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static (PriorityRound Round, List<Need> Needs) OpenRound(int maxRanks = 3)
    {
        var round = new PriorityRound(neighbourhoodId: 5, "پاییز", Opens, Opens.AddDays(7), maxRanks);
        var needs = Enumerable.Range(1, 4).Select(i =>
        {
            var need = new Need(5, $"نیاز {i}", "", NeedCategory.Health, null, null, Opens.AddDays(-3));
            typeof(Need).GetProperty(nameof(Need.Id))!.SetValue(need, i);
            need.Approve(Opens.AddDays(-2).AddHours(i));
            return need;
        }).ToList();
        needs.ForEach(round.AddNeed);
        round.Open(Opens);
        return (round, needs);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, "Ballot.TooManyRanks")]
    [InlineData(new[] { 1, 1 }, "Ballot.DuplicateNeed")]
    [InlineData(new[] { 1, 99 }, "Ballot.NeedNotOnRound")]
    [InlineData(new int[0], "Ballot.Empty")]
    public void A_ballot_that_breaks_the_rules_is_refused(int[] ranking, string rule)
    {
        var (round, _) = OpenRound();
        Assert.Equal(rule, Assert.Throws<DomainException>(() => new Ballot(round, 1, ranking, BallotChannel.Online, null, Opens.AddDays(1))).Code);
    }

    [Fact]
    public void A_vote_after_the_window_is_refused()
    {
        var (round, _) = OpenRound();
        Assert.Equal("Ballot.RoundNotAcceptingVotes",
            Assert.Throws<DomainException>(() => new Ballot(round, 1, [1], BallotChannel.Online, null, Opens.AddDays(8))).Code);
    }

    [Fact]
    public void Once_open_the_rounds_rules_are_locked()
    {
        var (round, needs) = OpenRound();
        Assert.Equal("Round.RulesLocked", Assert.Throws<DomainException>(() => round.AddNeed(needs[0])).Code);
    }

    [Fact]
    public void A_need_of_another_neighbourhood_cannot_go_on_the_ballot()
    {
        var round = new PriorityRound(5, "پاییز", Opens, Opens.AddDays(7));
        var foreign = new Need(6, "نیاز", "", NeedCategory.Safety, null, null, Opens);
        foreign.Approve(Opens);
        Assert.Equal("Round.NeedFromAnotherNeighbourhood", Assert.Throws<DomainException>(() => round.AddNeed(foreign)).Code);
    }
}
