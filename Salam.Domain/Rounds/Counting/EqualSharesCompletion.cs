using System.Numerics;

namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// Completion by Add1: the per-voter amount starts at floor(budget ÷ voters) and rises by 1; the result is the last
/// outcome whose total cost fits the budget, or the first that is exhaustive (no unfunded need with supporters fits in
/// what is left). When every supported need fits together, one run with enough money funds them all.
/// Stepping by 1 from a rial-sized start could take millions of runs, so each run reports the next amount at which its
/// outcome may change and the amounts in between, which give the same outcome, are skipped.
/// </summary>
internal static class EqualSharesCompletion
{
    public static (EqualSharesRun Run, long PerVoter) Complete(EqualSharesProfile profile, long perVoterStart)
    {
        var supported = Enumerable.Range(0, profile.Needs).Where(need => profile.Supporters[need].Length > 0).ToList();
        var supportedCost = supported.Aggregate(BigInteger.Zero, (sum, need) => sum + profile.Costs[need]);
        if (supportedCost <= profile.Budget)
        {
            // Each voter alone could pay for everything: every supported need is funded, split equally.
            var enough = (long)BigInteger.Max(perVoterStart, supportedCost);
            return (EqualSharesRun.At(profile, enough), enough);
        }

        var perVoter = perVoterStart;
        EqualSharesRun? previous = null;
        while (true)
        {
            var run = EqualSharesRun.At(profile, perVoter);
            var cost = TotalCost(profile, run.Selected);
            if (cost > profile.Budget)
            {
                // The start never overspends (voters × floor(budget ÷ voters) ≤ budget), so a previous run exists;
                // its outcome holds up to perVoter − 1, and the money left is read from the run at that amount.
                if (previous is null) throw new InvalidOperationException("Equal shares overspent at its start.");
                return (EqualSharesRun.At(profile, perVoter - 1), perVoter - 1);
            }
            if (IsExhaustive(profile, run.Selected, cost)) return (run, perVoter);

            // At supportedCost every supported need is funded and the budget exceeded, so the loop ends by then.
            var next = run.NextChange ?? supportedCost;
            previous = run;
            perVoter = (long)BigInteger.Min(next, supportedCost);
        }
    }

    public static BigInteger TotalCost(EqualSharesProfile profile, IEnumerable<int> needs) =>
        needs.Aggregate(BigInteger.Zero, (sum, need) => sum + profile.Costs[need]);

    private static bool IsExhaustive(EqualSharesProfile profile, List<int> selected, BigInteger cost) =>
        !Enumerable.Range(0, profile.Needs).Any(need =>
            profile.Supporters[need].Length > 0 && !selected.Contains(need) && profile.Costs[need] <= profile.Budget - cost);
}
