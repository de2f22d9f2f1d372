using System.Globalization;
using Salam.Count.Files;
using Salam.Domain.Rounds.Counting;

namespace Salam.Count;

/// <summary>
/// Turns a file into the domain's <see cref="CountInput"/> and the outcome back into lines. The file's ids become need ids
/// 1..n in natural ascending order (c2 before c10), so the domain's "ascending id" and "earliest need" mean that order,
/// and are printed back as the file wrote them.
/// </summary>
internal static class FileCount
{
    public static IEnumerable<string> Lines(CountOptions options, ElectionFile file)
    {
        var ids = file.Alternatives.Select(a => a.Id).ToList();
        var number = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i + 1, StringComparer.Ordinal);
        var equalShares = options.Method == "equal-shares";
        var ballots = file.Ballots
            .Select(b => new RankedBallot(b.Groups.Select(g => (IReadOnlyList<int>)g.Select(id => number[id]).ToList()).ToList()))
            .ToList();

        var summary = $"{file.Ballots.Count} ballots, {ids.Count} alternatives, method {options.Method}";
        CountInput input;
        if (equalShares)
        {
            if (file.Alternatives.Any(a => a.Cost is null)) throw new UsageException("equal-shares needs project costs and a budget: a Pabulib .pb file");
            var budget = options.Budget ?? file.Budget ?? throw new UsageException("the file's META has no budget: give --budget N");
            input = new CountInput(ids.Count, file.Alternatives.Select((a, i) => new CountedNeed(i + 1, a.Cost)).ToList(), ballots, budget);
            summary += $", budget {budget.ToString(CultureInfo.InvariantCulture)}";
        }
        else
        {
            if (!file.Ranked) throw new UsageException($"approval votes rank nothing: count them with --method equal-shares, not {options.Method}");
            var ranks = options.Ranks ?? file.MaxLength ?? ids.Count;
            input = new CountInput(ranks, ids.Select((_, i) => new CountedNeed(i + 1)).ToList(), ballots);
            if (options.Method == "borda") summary += $", K = {ranks.ToString(CultureInfo.InvariantCulture)}";
        }

        var outcome = CountCommand.Methods[options.Method]().Count(input);
        // Equal shares shares the budget among the voters who named something; an empty vote is read but holds no share.
        if (outcome.EqualShares is { } shares) summary += $", {shares.Voters.ToString(CultureInfo.InvariantCulture)} voters named a project";
        yield return summary;
        if (equalShares)
        {
            var funded = outcome.Results.Where(r => r.Funded == true).Select(r => r.NeedId).Order().ToList();
            var cost = funded.Sum(n => file.Alternatives[n - 1].Cost!.Value);
            yield return string.Join(' ', ["selected:", .. funded.Select(n => ids[n - 1]), $"cost={cost.ToString(CultureInfo.InvariantCulture)}"]);
        }
        else
        {
            yield return "order: " + string.Join(" > ", outcome.MethodOrder.Select(group => string.Join(" = ", group.Order().Select(n => ids[n - 1]))));
        }
    }
}
