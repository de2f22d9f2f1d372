namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// The Method of Equal Shares (equalshares.net) with cost utilities and Add1 completion, in exact rational arithmetic.
/// A need's supporters are the voters who name it within K; each selection funds the need with the highest
/// cost ÷ largest supporter payment (ties: lower cost, more supporters, more first places, earlier approval).
/// </summary>
public sealed class EqualSharesCount : ICountingMethod
{
    public CountingMethod Method => CountingMethod.EqualShares;

    public CountOutcome Count(CountInput input)
    {
        var profile = EqualSharesProfile.Read(input);
        var start = PerVoterStart(profile);
        if (profile.Voters == 0) return Outcome(input, profile, start, EqualSharesRun.At(profile, 0), 0);
        var (run, perVoter) = EqualSharesCompletion.Complete(profile, start);
        return Outcome(input, profile, start, run, perVoter);
    }

    /// <summary>One run at a given per-voter amount, without completion: the method as equalshares.net explains it step by step.</summary>
    public CountOutcome CountAt(CountInput input, long perVoter)
    {
        var profile = EqualSharesProfile.Read(input);
        return Outcome(input, profile, PerVoterStart(profile), EqualSharesRun.At(profile, perVoter), perVoter);
    }

    private static long PerVoterStart(EqualSharesProfile profile) => profile.Voters == 0 ? 0 : profile.Budget / profile.Voters;

    private static CountOutcome Outcome(CountInput input, EqualSharesProfile profile, long start, EqualSharesRun run, long perVoter)
    {
        var needs = input.Needs;
        var selected = run.Selected;
        var unfunded = Enumerable.Range(0, profile.Needs).Where(need => !selected.Contains(need))
            .OrderByDescending(need => profile.Supporters[need].Length)
            .ThenBy(need => profile.Costs[need])
            .ThenBy(need => need)
            .ToList();

        var results = selected.Select(need => (need, funded: true)).Concat(unfunded.Select(need => (need, funded: false)))
            .Select((line, index) => new RoundResult(needs[line.need].NeedId, profile.Supporters[line.need].Length,
                profile.FirstPlaces[line.need], index + 1, line.funded))
            .ToList();

        var methodOrder = selected.Select(need => (IReadOnlyList<int>)[needs[need].NeedId]).ToList();
        if (unfunded.Count > 0) methodOrder.Add(unfunded.Select(need => needs[need].NeedId).Order().ToList());

        var lines = Enumerable.Range(0, profile.Needs).Select(need => Line(profile, run, need, needs[need].NeedId)).ToList();
        var totalCost = (long)EqualSharesCompletion.TotalCost(profile, selected);
        var details = new EqualSharesDetails(profile.Budget, profile.Voters, start, perVoter, totalCost, lines);
        return new CountOutcome(results, methodOrder, EqualShares: details);
    }

    private static EqualSharesLine Line(EqualSharesProfile profile, EqualSharesRun run, int need, int needId)
    {
        var cost = profile.Costs[need];
        var supporters = profile.Supporters[need].Length;
        var order = run.Selected.IndexOf(need);
        if (order >= 0) return new EqualSharesLine(needId, cost, supporters, true, order + 1, null, null);
        return supporters == 0
            ? new EqualSharesLine(needId, cost, 0, false, null, UnfundedReason.NoSupporters, null)
            : new EqualSharesLine(needId, cost, supporters, false, null, UnfundedReason.SupportersShareTooSmall,
                (long)run.SupportersMoney(need).Floor());
    }
}
