using System.Text;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.RecountRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Queries.GetRoundBallotFile;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Domain.Rounds.Counting.Files;

namespace Salam.Application.Tests;

/// <summary>Schulze and equal-shares rounds freeze their own details and file formats, and a recount of either agrees.</summary>
public sealed class CountMethodRecordTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task An_equal_shares_round_freezes_its_lines_and_publishes_a_pabulib_file_with_costs_and_budget()
    {
        var (roundId, needs) = await CountedAsync(CountingMethod.EqualShares, 300, [100, 150, 200]);

        var results = await App.SendAsync<RoundResults>(await App.FirstResidentAsync(), new GetRoundResults(roundId));
        Assert.Equal((CountingMethod.EqualShares, (long?)300), (results.Method, results.Budget));
        var lines = results.Count!.EqualShares!.Lines;
        Assert.Equal(needs.Order(), lines.Select(l => l.NeedId).Order());
        Assert.Null(results.Count.Schulze);
        Assert.All(results.Rows, row => Assert.Equal(lines.Single(l => l.NeedId == row.NeedId).Funded, row.Funded));
        Assert.Equal([100L, 150L, 200L], results.Rows.OrderBy(r => r.NeedId).Select(r => r.Cost!.Value));
        Assert.True(results.Rows.Where(r => r.Funded == true).Sum(r => r.Cost!.Value) <= 300);

        var file = await App.SendAsync<BallotFile>(await App.FirstResidentAsync(), new GetRoundBallotFile(roundId));
        var text = Encoding.UTF8.GetString(file.Content);
        Assert.EndsWith(".pb", file.FileName);
        Assert.Contains("budget;300\n", text);
        Assert.Contains($"{needs[1]};150;", text);
        Assert.Equal(results.Count.Sha256, file.Sha256);
        Assert.True((await App.SendAsync<RecountReport>(await App.PrincipalOfAsync("officer.qom"), new RecountRound(roundId))).Agrees);
    }

    [Fact]
    public async Task A_schulze_round_freezes_its_matrices_and_publishes_a_preflib_file()
    {
        var (roundId, needs) = await CountedAsync(CountingMethod.Schulze, null, null);

        var results = await App.SendAsync<RoundResults>(await App.FirstResidentAsync(), new GetRoundResults(roundId));
        var schulze = results.Count!.Schulze!;
        Assert.Equal(needs.Order(), schulze.NeedIds.Order());
        Assert.Equal(3, schulze.Pairwise.Count);
        Assert.Null(results.Count.EqualShares);
        var file = await App.SendAsync<BallotFile>(await App.FirstResidentAsync(), new GetRoundBallotFile(roundId));
        Assert.EndsWith(".soi", file.FileName);
        Assert.Equal(results.Count.Sha256, file.Sha256);
        Assert.True((await App.SendAsync<RecountReport>(await App.PrincipalOfAsync("officer.qom"), new RecountRound(roundId))).Agrees);
    }

    /// <summary>A Pardisan round of three fresh needs counted by <paramref name="method"/>, with ten ballots, closed and published.</summary>
    private async Task<(int RoundId, List<int> NeedIds)> CountedAsync(CountingMethod method, long? budget, long[]? costs)
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var pardisan = await App.PardisanIdAsync();
        var proposer = await App.NewResidentAsync(pardisan);
        var needs = new List<int>();
        foreach (var suffix in new[] { "الف", "ب", "ج" })
        {
            var id = await App.SendAsync<int>(proposer, new ProposeNeed(pardisan, $"{method} {suffix}", "", NeedCategory.Education, null));
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            await App.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Approve));
            needs.Add(id);
        }
        var now = App.Clock.GetUtcNow();
        var roundId = await App.SendAsync<int>(facilitator, new CreateRound(pardisan, $"دور {method}", now, now.AddDays(3), 3, needs, method, budget,
            costs?.Select((cost, i) => new NeedCost(needs[i], cost)).ToList()));
        await App.SendAsync<RoundStatus>(facilitator, new OpenRound(roundId));
        for (var i = 0; i < 10; i++)
            await App.SendAsync<BallotReceipt>(await App.NewResidentAsync(pardisan), new SubmitBallot(roundId, CountRecordData.RankingOf(needs, i)));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.SendAsync<RoundStatus>(facilitator, new CloseRound(roundId));
        await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId));
        return (roundId, needs);
    }
}
