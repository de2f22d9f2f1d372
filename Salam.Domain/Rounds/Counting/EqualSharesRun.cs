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
            var open = Enumerable.Range(0, _profile.Needs)
                .Where(need => !funded[need] && _profile.Supporters[need].Length > 0)
                .Select(need => new Open(need, Groups(_profile.Supporters[need])))
                .ToList();
            Open? best = null;
            foreach (var candidate in open)
                if (PaymentNow(candidate) && (best is null || Better(candidate, best))) best = candidate;
            if (best is null)
            {
                // The run ends here for as long as every open need stays out of its supporters' reach.
                if (!_watch.Settled)
                    foreach (var candidate in open) _watch.Compare(Total(candidate), MoneyLine.Fixed(_profile.Costs[candidate.Need]));
                return;
            }

            var payment = PaymentLine(best);
            // Once the next integer is already noted, no comparison can note an earlier one: only the decisions matter.
            foreach (var other in open.Where(o => o.Need != best.Need && !_watch.Settled))
            {
                // other overtakes best once its supporters, each paying at most cost_other ÷ cost_best × α_best, cover its cost.
                var ratio = new Rational(_profile.Costs[other.Need], _profile.Costs[best.Need]);
                var watched = _watch.WatchReach(other.Groups.Select(g => (_lines[g.Level], _values[g.Level], g.Count)).ToList(),
                    payment * ratio, best.PaymentNow * ratio, _profile.Costs[other.Need]);
                // Level with best at b (lost on the tie-breaks): compare the two α lines, which may stay level for good.
                if (!watched)
                    _watch.Compare(PaymentLine(other) * _profile.Costs[best.Need], payment * _profile.Costs[other.Need]);
            }

            Pay(best.Need, payment, best.PaymentNow);
            funded[best.Need] = true;
            Selected.Add(best.Need);
        }
    }

    private bool Better(Open x, Open y)
    {
        var order = (_profile.Costs[x.Need] * y.PaymentNow).CompareTo(_profile.Costs[y.Need] * x.PaymentNow);
        return order != 0 ? order > 0 : _profile.PrecedesOnTie(x.Need, y.Need);
    }

    private MoneyLine Total(Open need) =>
        need.Groups.Aggregate(MoneyLine.Fixed(Rational.Zero), (sum, g) => sum + _lines[g.Level] * g.Count);

    /// <summary>
    /// The payment α at this run's b such that the supporters, each paying min(own money, α), cover the cost exactly
    /// (the smallest possible largest payment); false when the supporters' money together falls short of the cost.
    /// </summary>
    private bool PaymentNow(Open need)
    {
        var total = need.Groups.Aggregate(Rational.Zero, (sum, g) => sum + _values[g.Level] * g.Count);
        Rational cost = _profile.Costs[need.Need];
        if (total < cost) return false;
        var payers = _profile.Supporters[need.Need].Length;
        foreach (var (level, count) in need.Groups)
        {
            if (_values[level] * payers >= cost) break;
            cost -= _values[level] * count;
            payers -= count;
        }
        need.PaymentNow = cost / payers;
        return true;
    }

    /// <summary>The winner's α as a line in b, watching every comparison that keeps that line valid: affordability and who pays all they have.</summary>
    private MoneyLine PaymentLine(Open need)
    {
        if (!_watch.Settled) _watch.Compare(Total(need), MoneyLine.Fixed(_profile.Costs[need.Need]));
        var remaining = MoneyLine.Fixed(_profile.Costs[need.Need]);
        var payers = _profile.Supporters[need.Need].Length;
        foreach (var (level, count) in need.Groups)
        {
            if (_values[level] < need.PaymentNow) { remaining -= _lines[level] * count; payers -= count; }
        }
        var payment = remaining / payers;
        if (!_watch.Settled)
            foreach (var (level, _) in need.Groups)
                _watch.Observe(_lines[level] - payment, _values[level] - need.PaymentNow);
        return payment;
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

    private void Pay(int need, MoneyLine payment, Rational paymentNow)
    {
        var after = new Dictionary<int, int>();
        foreach (var voter in _profile.Supporters[need])
        {
            var level = _level[voter];
            if (!after.TryGetValue(level, out var next))
                after[level] = next = _values[level] <= paymentNow ? 0 : LevelOf(_lines[level] - payment);
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

    /// <summary>A need still open in this selection round, its supporters grouped by money level (poorest first).</summary>
    private sealed record Open(int Need, List<(int Level, int Count)> Groups)
    {
        public Rational PaymentNow { get; set; }
    }
}
