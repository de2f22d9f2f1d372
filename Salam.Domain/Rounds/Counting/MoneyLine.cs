using System.Numerics;

namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// An amount of money as a function of the per-voter amount b: Constant + Slope × b. Within one equal-shares run every
/// amount (a voter's money, a payment, a total) is such a line for as long as the run takes the same decisions.
/// </summary>
internal readonly record struct MoneyLine(Rational Constant, Rational Slope)
{
    public static MoneyLine PerVoter => new(Rational.Zero, Rational.One);
    public static MoneyLine Fixed(Rational amount) => new(amount, Rational.Zero);

    public Rational At(Rational perVoter) => Constant + Slope * perVoter;

    public static MoneyLine operator +(MoneyLine x, MoneyLine y) => new(x.Constant + y.Constant, x.Slope + y.Slope);
    public static MoneyLine operator -(MoneyLine x, MoneyLine y) => new(x.Constant - y.Constant, x.Slope - y.Slope);
    public static MoneyLine operator *(MoneyLine x, Rational factor) => new(x.Constant * factor, x.Slope * factor);
    public static MoneyLine operator /(MoneyLine x, Rational divisor) => new(x.Constant / divisor, x.Slope / divisor);
}

/// <summary>
/// Compares money lines at one per-voter amount b and remembers the least integer above b at which any comparison made
/// could come out differently. Two lines cross at most once, so every integer before that one takes the same decisions.
/// </summary>
internal sealed class ComparisonWatch(long perVoter)
{
    private readonly Rational _at = perVoter;

    /// <summary>The least integer above the per-voter amount where some comparison may change; null when none ever can.</summary>
    public BigInteger? NextChange { get; private set; }

    public Rational PerVoter => _at;

    /// <summary>
    /// Whether the next integer above the per-voter amount is already noted. Every crossing or reach noted lies above the
    /// amount, so no later comparison can note an earlier one and watching further would change nothing.
    /// </summary>
    public bool Settled => NextChange is { } next && next == perVoter + 1;

    /// <summary>The sign of x − y at the per-voter amount.</summary>
    public int Compare(MoneyLine x, MoneyLine y) => Observe(x - y, (x - y).At(_at));

    /// <summary>As <see cref="Compare"/>, for a caller that already knows the difference's value at the per-voter amount.</summary>
    public int Observe(MoneyLine difference, Rational valueNow)
    {
        var sign = valueNow.Sign;
        var slope = difference.Slope.Sign;
        if (slope == 0) return sign; // the same answer for every b
        if (sign == 0) Note(perVoter + 1); // level only here: the next integer may already differ
        else if (slope != sign) Note((-difference.Constant / difference.Slope).Ceiling()); // heading for a crossing above b
        return sign;
    }

    /// <summary>
    /// Watches Σ count × min(money, cap) − cost, which is below 0 while a need cannot beat the selection's winner (its
    /// supporters, each paying at most cap, fall short of its cost), and notes the least integer above b where it reaches 0.
    /// The sum is piecewise linear, bending where a group's money crosses the cap, so it is followed piece by piece.
    /// Returns false, noting nothing, when the sum is already 0 at b (a level contest the caller must watch another way).
    /// </summary>
    public bool WatchReach(IReadOnlyList<(MoneyLine Money, Rational Now, int Count)> groups, MoneyLine cap, Rational capNow, Rational cost)
    {
        var piece = MoneyLine.Fixed(-cost);
        var paysAll = new bool[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var (money, now, count) = groups[g];
            var gapNow = now - capNow;
            // Which of money and cap is the smaller just above b.
            paysAll[g] = gapNow.Sign < 0 || (gapNow.Sign == 0 && (money.Slope - cap.Slope).Sign <= 0);
            piece += (paysAll[g] ? money : cap) * count;
        }
        if (piece.At(_at).Sign >= 0) return false;
        // The sum is concave, so the first piece bounds it from above: if that never reaches 0 before the next change
        // already noted, neither does the sum.
        if (piece.Slope.Sign <= 0) return true;
        if (NextChange is { } known && piece.At(known).Sign < 0) return true;

        var bends = new List<(Rational At, int Group)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var gap = groups[g].Money - cap;
            if (gap.Slope.Sign == 0) continue;
            var at = -gap.Constant / gap.Slope;
            if (at > _at) bends.Add((at, g));
        }
        bends.Sort((x, y) => x.At.CompareTo(y.At));
        foreach (var (at, g) in bends)
        {
            if (Reaches(piece, at)) return true;
            if (NextChange is { } next && at >= next) return true; // beyond where this run's outcome holds anyway
            var (money, _, count) = groups[g];
            piece -= (paysAll[g] ? money : cap) * count;
            paysAll[g] = !paysAll[g];
            piece += (paysAll[g] ? money : cap) * count;
        }
        Reaches(piece, null);
        return true;
    }

    /// <summary>Whether the linear piece, below 0 where it starts, reaches 0 by <paramref name="end"/> (null: ever); notes where.</summary>
    private bool Reaches(MoneyLine piece, Rational? end)
    {
        if (piece.Slope.Sign <= 0) return false;
        var root = -piece.Constant / piece.Slope;
        if (end is { } last && root > last) return false;
        Note(root.Ceiling());
        return true;
    }

    private void Note(BigInteger candidate)
    {
        if (NextChange is null || candidate < NextChange) NextChange = candidate;
    }
}
