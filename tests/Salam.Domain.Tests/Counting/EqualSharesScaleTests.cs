using System.Diagnostics;
using System.Globalization;
using Salam.Domain.Rounds.Counting;
using Xunit.Abstractions;

namespace Salam.Domain.Tests.Counting;

/// <summary>A city-sized count in rials: stepping the per-voter amount by 1 from 1,000,000 would take millions of runs.</summary>
public sealed class EqualSharesScaleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5000, 20, 5, 5_000_000_000L, 31)]
    [InlineData(300, 12, 5, 5_000_000_000L, 32)]
    public void A_rial_sized_budget_is_counted_in_seconds(int voters, int needs, int ranks, long budget, int seed)
    {
        var random = new Random(seed);
        // Costs of 50–1,500 million rials; popular needs are named more often (weight 1..needs).
        var costed = Enumerable.Range(1, needs).Select(id => new CountedNeed(id, random.NextInt64(50, 1501) * 1_000_000)).ToList();
        var ballots = Enumerable.Range(0, voters).Select(_ => RankedBallot.Strict(Pick(random, needs, random.Next(1, ranks + 1)))).ToList();
        var input = new CountInput(ranks, costed, ballots, budget);

        var clock = Stopwatch.StartNew();
        var outcome = new EqualSharesCount().Count(input);
        clock.Stop();

        var details = outcome.EqualShares!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{voters} voters, {needs} needs, budget {budget:N0}: {clock.Elapsed.TotalSeconds:F2} s; per voter {details.PerVoterStart:N0}" +
            $" → {details.PerVoterFinal:N0}; funded {outcome.Results.Count(r => r.Funded == true)}, cost {details.TotalCost:N0}"));
        Assert.True(details.TotalCost <= budget);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    private static int[] Pick(Random random, int needs, int count)
    {
        var chosen = new List<int>();
        while (chosen.Count < count)
        {
            // Need k is picked with weight k, so the profile has favourites as real ones do.
            var ticket = random.Next(needs * (needs + 1) / 2);
            var need = 1;
            while (ticket >= need) ticket -= need++;
            if (!chosen.Contains(need)) chosen.Add(need);
        }
        return [.. chosen];
    }
}
