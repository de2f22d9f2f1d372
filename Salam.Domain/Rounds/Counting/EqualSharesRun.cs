using System.Numerics;

namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// One run of the Method of Equal Shares with cost utilities, every voter starting with the same per-voter amount b.
/// Money is tracked as lines in b (see <see cref="MoneyLine"/>) and every comparison goes through a <see cref="ComparisonWatch"/>,
/// so the run also tells up to which b its outcome stays the same.
/// </summary>
internal sealed class EqualSharesRun
{
    private readonly EqualSharesProfile _profile;
    private readonly ComparisonWatch _watch;
    // Voters with the same money share a level: level 0 is "spent", level 1 "untouched".
    private readonly List<MoneyLine> _lines = [MoneyLine.Fixed(Rational.Zero), MoneyLine.PerVoter];
    private readonly List<Rational> _values;
    private readonly Dictionary<MoneyLine, int> _levelOf = [];
    private readonly int[] _level;
    private int[] _counts = new int[8];

    private EqualSharesRun(EqualSharesProfile profile, long perVoter)
    {
        _profile = profile;
        _watch = new ComparisonWatch(perVoter);
        _values = [Rational.Zero, perVoter];
        _levelOf[_lines[0]] = 0;
        _levelOf[_lines[1]] = 1;
        _level = Enumerable.Repeat(1, profile.Voters).ToArray();
    }

    /// <summary>The needs funded, in selection order.</summary>
    public List<int> Selected { get; } = [];

    /// <summary>The least integer b above this run's at which the outcome may differ; null when it never can.</summary>
    public BigInteger? NextChange => _watch.NextChange;

    public static EqualSharesRun At(EqualSharesProfile profile, long perVoter)
    {
        var run = new EqualSharesRun(profile, perVoter);
        run.Fund();
        return run;
    }

    /// <summary>What a need's supporters hold together at the end of the run.</summary>
    public Rational SupportersMoney(int need) =>
        _profile.Supporters[need].Aggregate(Rational.Zero, (sum, voter) => sum + _values[_level[voter]]);

    private void Fund()
    {
        var funded = new bool[_profile.Needs];
        while (true)
        {
            var offers = new List<Offer>();
            for (var need = 0; need < _profile.Needs; need++)
                if (!funded[need] && _profile.Supporters[need].Length > 0 && Price(need) is { } offer)
                    offers.Add(offer);
            if (offers.Count == 0) return;

            var best = offers[0];
            foreach (var offer in offers.Skip(1))
                if (Better(offer, best)) best = offer;
            foreach (var offer in offers.Where(o => o.Need != best.Need))
                // best keeps winning while cost_best ÷ α_best ≥ cost_other ÷ α_other.
                _watch.Compare(offer.Payment * _profile.Costs[best.Need], best.Payment * _profile.Costs[offer.Need]);

            Pay(best);
            funded[best.Need] = true;
            Selected.Add(best.Need);
        }
    }

    private bool Better(Offer x, Offer y)
    {
        var order = (_profile.Costs[x.Need] * y.PaymentNow).CompareTo(_profile.Costs[y.Need] * x.PaymentNow);
        return order != 0 ? order > 0 : _profile.PrecedesOnTie(x.Need, y.Need);
    }

    /// <summary>
    /// The payment α such that the supporters, each paying min(own money, α), cover the cost exactly (the smallest
    /// possible largest payment); null when the supporters' money together falls short of the cost.
    /// </summary>
    private Offer? Price(int need)
    {
        var groups = Groups(_profile.Supporters[need]);
        var cost = MoneyLine.Fixed(_profile.Costs[need]);
        var total = groups.Aggregate(MoneyLine.Fixed(Rational.Zero), (sum, g) => sum + _lines[g.Level] * g.Count);
        if (_watch.Compare(total, cost) < 0) return null;

        var remaining = cost;
        Rational remainingNow = _profile.Costs[need];
        var payers = _profile.Supporters[need].Length;
        foreach (var (level, count) in groups)
        {
            if (_values[level] * payers >= remainingNow) break;
            remaining -= _lines[level] * count;
            remainingNow -= _values[level] * count;
            payers -= count;
        }
        var payment = remaining / payers;
        var paymentNow = remainingNow / payers;
        foreach (var (level, _) in groups)
            _watch.Observe(_lines[level] - payment, _values[level] - paymentNow);
        return new Offer(need, payment, paymentNow);
    }

    /// <summary>The supporters' money levels with how many supporters hold each, poorest first.</summary>
    private List<(int Level, int Count)> Groups(int[] supporters)
    {
        if (_counts.Length < _lines.Count) Array.Resize(ref _counts, _lines.Count * 2);
        var touched = new List<int>();
        foreach (var voter in supporters)
            if (_counts[_level[voter]]++ == 0) touched.Add(_level[voter]);
        var groups = touched.Select(level => (Level: level, Count: _counts[level])).ToList();
        foreach (var level in touched) _counts[level] = 0;
        groups.Sort((x, y) => _values[x.Level].CompareTo(_values[y.Level]));
        return groups;
    }

    private void Pay(Offer offer)
    {
        var after = new Dictionary<int, int>();
        foreach (var voter in _profile.Supporters[offer.Need])
        {
            var level = _level[voter];
            if (!after.TryGetValue(level, out var next))
                after[level] = next = _values[level] <= offer.PaymentNow ? 0 : LevelOf(_lines[level] - offer.Payment);
            _level[voter] = next;
        }
    }

    private int LevelOf(MoneyLine line)
    {
        if (_levelOf.TryGetValue(line, out var level)) return level;
        _lines.Add(line);
        _values.Add(line.At(_watch.PerVoter));
        return _levelOf[line] = _lines.Count - 1;
    }

    /// <param name="Payment">α as a line in b; <paramref name="PaymentNow"/> its value at this run's b.</param>
    private sealed record Offer(int Need, MoneyLine Payment, Rational PaymentNow);
}
